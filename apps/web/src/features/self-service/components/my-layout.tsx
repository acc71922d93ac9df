import { useMemo } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../auth/api/auth-api.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../shared/language-switch.tsx';
import { SessionContext, sessionOf } from '../../../shared/session-context.ts';
import './my.css';

/**
 * The elder's and the family's phone layout (issue 6, POR): no admin menu, one line of header, very
 * large type. A session with `self:use` is required; the server checks every elder link again.
 */
export function MyLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  const session = useMemo(() => (me.data ? sessionOf(me.data) : null), [me.data]);
  if (me.isPending) return <p className="my-note">{t('common.loading')}</p>;
  if (me.isError)
    return (
      <p className="my-note" role="alert">
        {errorText(me.error, t)}
      </p>
    );
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!session.can('self:use')) return <Navigate to="/" replace />;
  return (
    <SessionContext.Provider value={session}>
      <div className="my">
        <header className="my-header">
          <span className="my-header__title">{t('my.title')}</span>
          <LanguageSwitch />
          <SignOut />
        </header>
        <main id="main" className="my-main">
          <Outlet />
        </main>
      </div>
    </SessionContext.Provider>
  );
}

function SignOut() {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="my-button my-button--quiet"
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
    >
      {t('shell.logout')}
    </button>
  );
}
