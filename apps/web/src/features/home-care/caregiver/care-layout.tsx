import { useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useLogout, useMe } from '../../auth/api/auth-api.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../shared/language-switch.tsx';
import { SessionContext, sessionOf } from '../../../shared/session-context.ts';
import { OutboxProvider } from './outbox-context.tsx';
import { SyncBar } from './sync-bar.tsx';
import { forgetCachedTasks } from '../api/care-api.ts';
import { forgetOfflineCopy } from '../../../shared/offline-copy.ts';
import './care.css';

/**
 * The caregiver's phone layout (HCS-6): no admin menu or region selector, a one-line header, the
 * outbox state always in view. A session is required, as in the admin shell.
 */
export function CareLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  const session = useMemo(() => (me.data ? sessionOf(me.data) : null), [me.data]);
  if (me.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  // offline with a known session: keep working (the outbox syncs once the line is back)
  if (me.isError && !session)
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
  if (!session.can('visit:own'))
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenText')} />;
  return (
    <SessionContext.Provider value={session}>
      <OutboxProvider key={session.me.id} userId={session.me.id}>
        <div className="care">
          <div className="care-top">
            <header className="care-header">
              <Link to="/care" className="care-header__title">
                {t('care.appTitle')}
              </Link>
              <span className="care-header__who">{session.me.displayName || session.me.username}</span>
              <LanguageSwitch />
              <SignOut userId={session.me.id} />
            </header>
            <SyncBar />
          </div>
          <main id="main" className="care-main">
            <Outlet />
          </main>
        </div>
      </OutboxProvider>
    </SessionContext.Provider>
  );
}

function SignOut({ userId }: { userId: string }) {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Button
      className="care-header__logout"
      onClick={() => {
        forgetCachedTasks(userId);
        void forgetOfflineCopy();
        logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
      }}
    >
      {t('shell.logout')}
    </Button>
  );
}
