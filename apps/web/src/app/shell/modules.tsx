import type { ReactNode } from 'react';
import { AuditOutlined, CloudUploadOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { DashboardOutlined, EnvironmentOutlined, FundOutlined } from '@ant-design/icons';
import { HomeOutlined } from '@ant-design/icons';
import { AlertOutlined, AuditOutlined as ReviewOutlined, FormOutlined, BarChartOutlined } from '@ant-design/icons';
import { AccountBookOutlined, InboxOutlined } from '@ant-design/icons';
import { MobileOutlined, PhoneOutlined, ScheduleOutlined } from '@ant-design/icons';
import { AimOutlined, CarOutlined, CoffeeOutlined, CommentOutlined, TableOutlined } from '@ant-design/icons';
import type { Permission } from '@kangyang/domain/access';
import type { MessageKey } from '../../shared/i18n/i18n-context.tsx';

export type ModuleGroup = 'registry' | 'assessment' | 'benefits' | 'services' | 'monitoring' | 'system';
export type Module = { path: string; label: MessageKey; icon: ReactNode; permission: Permission; group: ModuleGroup };

/** Menu groups in order: the work a district official, a street worker or a provider does. */
export const MODULE_GROUPS: readonly ModuleGroup[] = [
  'monitoring',
  'registry',
  'assessment',
  'benefits',
  'services',
  'system',
];

/** The modules, in menu order; a later module adds one line here and its routes in router.tsx. */
export const MODULES: readonly Module[] = [
  { path: '/elders', label: 'nav.elders', icon: <TeamOutlined />, permission: 'elder:read', group: 'registry' },
  {
    path: '/imports',
    label: 'nav.imports',
    icon: <CloudUploadOutlined />,
    permission: 'elder:import',
    group: 'registry',
  },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read', group: 'system' },
  {
    path: '/profiles',
    label: 'nav.profiles',
    icon: <FileTextOutlined />,
    permission: 'profile:read',
    group: 'benefits',
  },
  {
    path: '/applications',
    label: 'nav.applications',
    icon: <InboxOutlined />,
    permission: 'eligibility:read',
    group: 'benefits',
  },
  {
    path: '/monthly-run',
    label: 'nav.monthlyRun',
    icon: <AccountBookOutlined />,
    permission: 'ledger:read',
    group: 'benefits',
  },
  {
    path: '/assessments',
    label: 'nav.assessmentTasks',
    icon: <FormOutlined />,
    permission: 'assessment:write',
    group: 'assessment',
  },
  {
    path: '/assessment-review',
    label: 'nav.assessmentReview',
    icon: <ReviewOutlined />,
    permission: 'assessment:approve',
    group: 'assessment',
  },
  {
    path: '/assessment-due',
    label: 'nav.assessmentDue',
    icon: <AlertOutlined />,
    permission: 'assessment:read',
    group: 'assessment',
  },
  {
    path: '/assessment-workload',
    label: 'nav.assessmentWorkload',
    icon: <BarChartOutlined />,
    permission: 'assessment:read',
    group: 'assessment',
  },
  { path: '/plans', label: 'nav.plans', icon: <FundOutlined />, permission: 'dashboard:read', group: 'monitoring' },
  {
    path: '/overview',
    label: 'nav.overview',
    icon: <DashboardOutlined />,
    permission: 'dashboard:read',
    group: 'monitoring',
  },
  { path: '/map', label: 'nav.map', icon: <EnvironmentOutlined />, permission: 'dashboard:read', group: 'monitoring' },
  {
    path: '/facilities',
    label: 'nav.facilities',
    icon: <HomeOutlined />,
    permission: 'dashboard:read',
    group: 'monitoring',
  },
  { path: '/orders', label: 'nav.orders', icon: <ScheduleOutlined />, permission: 'order:read', group: 'services' },
  { path: '/intake', label: 'nav.intake', icon: <PhoneOutlined />, permission: 'order:write', group: 'services' },
  { path: '/care', label: 'nav.care', icon: <MobileOutlined />, permission: 'visit:own', group: 'services' },
  { path: '/my', label: 'nav.my', icon: <MobileOutlined />, permission: 'self:use', group: 'services' },
  {
    path: '/meal-counter',
    label: 'nav.mealCounter',
    icon: <CoffeeOutlined />,
    permission: 'meal:redeem',
    group: 'services',
  },
  {
    path: '/meal-deliveries',
    label: 'nav.mealDeliveries',
    icon: <CarOutlined />,
    permission: 'meal:redeem',
    group: 'services',
  },
  {
    path: '/meal-counts',
    label: 'nav.mealCounts',
    icon: <TableOutlined />,
    permission: 'meal:read',
    group: 'services',
  },
  {
    path: '/service-circle',
    label: 'nav.coverage',
    icon: <AimOutlined />,
    permission: 'coverage:read',
    group: 'monitoring',
  },
  {
    path: '/complaints',
    label: 'nav.complaints',
    icon: <CommentOutlined />,
    permission: 'complaint:read',
    group: 'services',
  },
];
