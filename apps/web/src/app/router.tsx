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
const assessmentTasks = () => import('../features/assessments/components/task-list-page.tsx');
const assessmentForm = () => import('../features/assessments/form/assessment-form-page.tsx');
const assessmentReviews = () => import('../features/assessments/review/review-list-page.tsx');
const assessmentReview = () => import('../features/assessments/review/review-task-page.tsx');
const assessmentDue = () => import('../features/assessments/components/due-list-page.tsx');
const assessmentWorkload = () => import('../features/assessments/components/workload-page.tsx');
const login = () => import('../features/auth/components/login-page.tsx');
const careLayout = () => import('../features/home-care/caregiver/care-layout.tsx');
const careTasks = () => import('../features/home-care/caregiver/care-task-list-page.tsx');
const careTask = () => import('../features/home-care/caregiver/care-task-page.tsx');
const intake = () => import('../features/home-care/intake/intake-page.tsx');
const ordersBoard = () => import('../features/home-care/board/orders-board-page.tsx');
const elderVisits = () => import('../features/home-care/board/elder-visits-page.tsx');
const carePlans = () => import('../features/home-care/care-plans/care-plans-page.tsx');
const applicationInbox = () => import('../features/applications/components/application-inbox-page.tsx');
const elderLedger = () => import('../features/ledger/components/elder-ledger-page.tsx');
const monthlyRun = () => import('../features/ledger/components/monthly-run-page.tsx');
const plans = () => import('../features/dashboards/components/plan-page.tsx');
const overview = () => import('../features/dashboards/components/overview-page.tsx');
const commandCentre = () => import('../features/dashboards/components/command-centre-page.tsx');
const resourceMap = () => import('../features/map/components/map-page.tsx');
const mealCounter = () => import('../features/meals/components/meal-counter-page.tsx');
const mealCounts = () => import('../features/meals/components/meal-counts-page.tsx');
const mealDeliveries = () => import('../features/meals/components/delivery-round-page.tsx');
const coverage = () => import('../features/service-circle/components/coverage-page.tsx');
const complaints = () => import('../features/complaints/components/complaint-inbox-page.tsx');
const facilityList = () => import('../features/facilities/components/facility-list-page.tsx');
const facilityPage = () => import('../features/facilities/components/facility-page.tsx');
const myLayout = () => import('../features/self-service/components/my-layout.tsx');
const myPage = () => import('../features/self-service/components/my-page.tsx');

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
  guarded('eligibility:read', 'applications', async () => (await applicationInbox()).ApplicationInboxPage),
  guarded('ledger:read', 'elders/:id/ledger', async () => (await elderLedger()).ElderLedgerPage),
  guarded('ledger:read', 'monthly-run', async () => (await monthlyRun()).MonthlyRunPage),
  guarded('assessment:write', 'assessments', async () => (await assessmentTasks()).TaskListPage),
  guarded('assessment:write', 'assessments/:id', async () => (await assessmentForm()).AssessmentFormPage),
  guarded('assessment:approve', 'assessment-review', async () => (await assessmentReviews()).ReviewListPage),
  guarded('assessment:approve', 'assessment-review/:id', async () => (await assessmentReview()).ReviewTaskPage),
  guarded('assessment:read', 'assessment-due', async () => (await assessmentDue()).DueListPage),
  guarded('assessment:read', 'assessment-workload', async () => (await assessmentWorkload()).WorkloadPage),
  guarded('dashboard:read', 'plans', async () => (await plans()).PlanPage),
  guarded('dashboard:read', 'plans/:profileId', async () => (await plans()).PlanPage),
  guarded('dashboard:read', 'overview', async () => (await overview()).OverviewPage),
  guarded('dashboard:read', 'command-centre', async () => (await commandCentre()).CommandCentrePage),
  guarded('dashboard:read', 'map', async () => (await resourceMap()).MapPage),
  guarded('dashboard:read', 'facilities', async () => (await facilityList()).FacilityListPage),
  guarded('dashboard:read', 'facilities/:id', async () => (await facilityPage()).FacilityPage),
  guarded('order:read', 'orders', async () => (await ordersBoard()).OrdersBoardPage),
  guarded('order:write', 'intake', async () => (await intake()).IntakePage),
  guarded('order:read', 'elders/:id/visits', async () => (await elderVisits()).ElderVisitsPage),
  guarded('order:read', 'elders/:id/care-plans', async () => (await carePlans()).CarePlansPage),
  guarded('meal:redeem', 'meal-counter', async () => (await mealCounter()).MealCounterPage),
  guarded('meal:read', 'meal-counts', async () => (await mealCounts()).MealCountsPage),
  guarded('meal:redeem', 'meal-deliveries', async () => (await mealDeliveries()).DeliveryRoundPage),
  guarded('coverage:read', 'service-circle', async () => (await coverage()).CoveragePage),
  guarded('complaint:read', 'complaints', async () => (await complaints()).ComplaintInboxPage),
  { path: '*', Component: NotFoundPage },
];

export function createAppRouter() {
  return createBrowserRouter([
    {
      HydrateFallback: () => <Spin size="large" className="page-spinner" />,
      children: [
        { path: '/login', lazy: page(async () => (await login()).LoginPage) },
        // the caregiver's phone view: its own light layout, no admin menu (POR-4)
        {
          path: '/care',
          lazy: page(async () => (await careLayout()).CareLayout),
          children: [
            { index: true, lazy: page(async () => (await careTasks()).CareTaskListPage) },
            { path: 'tasks/:id', lazy: page(async () => (await careTask()).CareTaskPage) },
          ],
        },
        // the elder's and the family's phone page: its own large-type layout, no admin menu (issue 6)
        {
          path: '/my',
          lazy: page(async () => (await myLayout()).MyLayout),
          children: [{ index: true, lazy: page(async () => (await myPage()).MyPage) }],
        },
        { path: '/', Component: SignedInLayout, children: SIGNED_IN_ROUTES },
      ],
    },
  ]);
}
