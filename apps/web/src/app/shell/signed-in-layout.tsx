import { useMemo } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useMe } from '../../features/auth/api/auth-api.ts';
import { errorText } from '../../shared/api/error-text.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { RegionScopeProvider } from '../../shared/region-scope.tsx';
import { SessionContext, sessionOf } from '../../shared/session-context.ts';
import { AppLayout } from './app-layout.tsx';

/** Every page but the login needs a session: without one, to the login page and back afterwards. */
export function SignedInLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  const session = useMemo(() => (me.data ? sessionOf(me.data) : null), [me.data]);
  if (me.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (me.isError)
    return (
      <Result
        status="error"
        title={t('error.unexpected')}
        subTitle={errorText(me.error, t)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={session}>
      <RegionScopeProvider key={session.me.id} userId={session.me.id}>
        <AppLayout />
      </RegionScopeProvider>
    </SessionContext.Provider>
  );
}
