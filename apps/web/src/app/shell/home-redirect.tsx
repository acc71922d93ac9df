import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';
import { MODULES } from './modules.tsx';

/** `/` opens the first module the user's roles allow (an auditor lands on the audit log). */
export function HomeRedirect() {
  const { t } = useI18n();
  const { can } = useSession();
  const first = MODULES.find((module) => can(module.permission));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('shell.noModules')} />;
}
