import { Tag } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  QuestionCircleOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { IndicatorStatus } from '@kangyang/contracts/indicators';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { statusView, type StatusKind } from './indicator-format.ts';

const ICONS: Readonly<Record<StatusKind, ReactNode>> = {
  met: <CheckCircleFilled />,
  on_track: <RiseOutlined />,
  at_risk: <ExclamationCircleFilled />,
  missed: <CloseCircleFilled />,
  missing: <QuestionCircleOutlined />,
};

/** KPI-2: the status as colour AND icon AND words, so it reads without colour vision. */
export function StatusTag({ status, large }: { status: IndicatorStatus | null; large?: boolean }) {
  const { t } = useI18n();
  const view = statusView(status);
  return (
    <Tag
      color={view.color}
      icon={ICONS[view.kind]}
      className={`status-tag status-tag--${view.kind}${large ? ' status-tag--large' : ''}`}
      data-status={view.kind}
    >
      {t(view.label)}
    </Tag>
  );
}
