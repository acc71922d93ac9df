import { Outlet } from 'react-router';
import { Result } from 'antd';
import type { Permission } from '@kangyang/domain/access';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';

/** Hides a page the user's roles do not grant; the server refuses the calls anyway (AZ-2). */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can(permission))
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenText')} />;
  return <Outlet />;
}
