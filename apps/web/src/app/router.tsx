import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Spin } from 'antd';
import type { Permission } from '@kangyang/domain/access';
import { SignedInLayout } from './shell/signed-in-layout.tsx';
import { RequirePermission } from './shell/require-permission.tsx';
import { HomeRedirect } from './shell/home-redirect.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';

/** Each page is its own chunk, loaded when first visited. */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

/** A page behind a permission (the server refuses the calls anyway; this hides the page). */
const guarded = (permission: Permission, path: string, load: () => Promise<ComponentType>): RouteObject => ({
  path,
  element: <RequirePermission permission={permission} />,
  children: [{ index: true, lazy: page(load) }],
});

const elders = () => import('../features/elders/components/elder-list-page.tsx');
const elder = () => import('../features/elders/components/elder-detail-page.tsx');
const newElder = () => import('../features/elders/components/elder-create-page.tsx');
const editElder = () => import('../features/elders/components/elder-edit-page.tsx');
const imports = () => import('../features/imports/components/import-wizard-page.tsx');
const audit = () => import('../features/audit/components/audit-log-page.tsx');
const profiles = () => import('../features/profiles/components/profile-list-page.tsx');
const profile = () => import('../features/profiles/components/profile-detail-page.tsx');
const eligibility = () => import('../features/eligibility/components/eligibility-page.tsx');
const assessments = () => import('../features/assessments/components/assessment-history-page.tsx');
const login = () => import('../features/auth/components/login-page.tsx');

const SIGNED_IN_ROUTES: RouteObject[] = [
  { index: true, Component: HomeRedirect },
  guarded('elder:read', 'elders', async () => (await elders()).ElderListPage),
  guarded('elder:write', 'elders/new', async () => (await newElder()).ElderCreatePage),
  guarded('elder:read', 'elders/:id', async () => (await elder()).ElderDetailPage),
  guarded('elder:write', 'elders/:id/edit', async () => (await editElder()).ElderEditPage),
  guarded('elder:import', 'imports', async () => (await imports()).ImportWizardPage),
  guarded('elder:import', 'imports/:id', async () => (await imports()).ImportWizardPage),
  guarded('audit:read', 'audit', async () => (await audit()).AuditLogPage),
  guarded('profile:read', 'profiles', async () => (await profiles()).ProfileListPage),
  guarded('profile:read', 'profiles/:id', async () => (await profile()).ProfileDetailPage),
  guarded('eligibility:read', 'elders/:id/eligibility', async () => (await eligibility()).EligibilityPage),
  guarded('assessment:read', 'elders/:id/assessments', async () => (await assessments()).AssessmentHistoryPage),
  { path: '*', Component: NotFoundPage },
];

export function createAppRouter() {
  return createBrowserRouter([
    {
      HydrateFallback: () => <Spin size="large" className="page-spinner" />,
      children: [
        { path: '/login', lazy: page(async () => (await login()).LoginPage) },
        { path: '/', Component: SignedInLayout, children: SIGNED_IN_ROUTES },
      ],
    },
  ]);
}
