import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Spin } from 'antd';
import { SignedInLayout } from './shell/signed-in-layout.tsx';
import { RequirePermission } from './shell/require-permission.tsx';
import { HomeRedirect } from './shell/home-redirect.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';

/** Each page is its own chunk, loaded when first visited. */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

export function createAppRouter() {
  return createBrowserRouter([
    {
      HydrateFallback: () => <Spin size="large" className="page-spinner" />,
      children: [
        { path: '/login', lazy: page(async () => (await import('../features/auth/components/login-page.tsx')).LoginPage) },
        {
          path: '/',
          Component: SignedInLayout,
          children: [
            { index: true, Component: HomeRedirect },
            {
              path: 'elders',
              element: <RequirePermission permission="elder:read" />,
              children: [
                {
                  index: true,
                  lazy: page(async () => (await import('../features/elders/components/elder-list-page.tsx')).ElderListPage),
                },
              ],
            },
            {
              path: 'elders/new',
              element: <RequirePermission permission="elder:write" />,
              children: [
                {
                  index: true,
                  lazy: page(async () => (await import('../features/elders/components/elder-create-page.tsx')).ElderCreatePage),
                },
              ],
            },
            {
              path: 'elders/:id',
              element: <RequirePermission permission="elder:read" />,
              children: [
                {
                  index: true,
                  lazy: page(async () => (await import('../features/elders/components/elder-detail-page.tsx')).ElderDetailPage),
                },
              ],
            },
            {
              path: 'elders/:id/edit',
              element: <RequirePermission permission="elder:write" />,
              children: [
                {
                  index: true,
                  lazy: page(async () => (await import('../features/elders/components/elder-edit-page.tsx')).ElderEditPage),
                },
              ],
            },
            {
              path: 'imports',
              element: <RequirePermission permission="elder:import" />,
              children: [
                {
                  index: true,
                  lazy: page(async () => (await import('../features/imports/components/import-wizard-page.tsx')).ImportWizardPage),
                },
                {
                  path: ':id',
                  lazy: page(async () => (await import('../features/imports/components/import-wizard-page.tsx')).ImportWizardPage),
                },
              ],
            },
            {
              path: 'audit',
              element: <RequirePermission permission="audit:read" />,
              children: [
                { index: true, lazy: page(async () => (await import('../features/audit/components/audit-log-page.tsx')).AuditLogPage) },
              ],
            },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
