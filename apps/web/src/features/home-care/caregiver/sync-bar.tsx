import { Button } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useOutbox } from './outbox-context.tsx';

/** hh:mm in China time (the caregiver's clock). */
export const clock = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });

/** "n pending, last synced hh:mm" always in view, with a sync button and refused actions (REL-6). */
export function SyncBar() {
  const { t, locale } = useI18n();
  const { state, online, syncNow, dismissRejected } = useOutbox();
  const tone = !online ? 'sync-bar--offline' : state.pending > 0 ? 'sync-bar--pending' : '';
  const last = state.lastSyncedAt
    ? t('care.lastSynced', { time: clock(state.lastSyncedAt, locale) })
    : state.pending > 0
      ? t('care.neverSynced')
      : null;
  return (
    <div className={`sync-bar ${tone}`} role="status" aria-live="polite">
      <span className="sync-bar__text">
        {state.pending > 0 ? t('care.pending', { count: state.pending }) : t('care.allSynced')}
        {last && <span className="sync-bar__last"> · {last}</span>}
        {!online && <span className="sync-bar__offline"> · {t('care.offline')}</span>}
        {online && state.lastError === 'server' && state.pending > 0 && (
          <span className="sync-bar__failed"> · {t('care.syncFailed')}</span>
        )}
      </span>
      {state.pending > 0 && (
        <Button onClick={syncNow} loading={state.syncing} disabled={!online} className="sync-bar__button">
          {state.syncing ? t('care.syncing') : t('care.syncNow')}
        </Button>
      )}
      {state.rejected.length > 0 && (
        <div className="sync-bar__rejected" role="alert">
          {t('care.rejected', { count: state.rejected.length })}
          <ul>
            {state.rejected.map((item) => (
              <li key={item.clientId}>{item.message || t('error.unexpected')}</li>
            ))}
          </ul>
          <Button onClick={dismissRejected}>{t('care.dismiss')}</Button>
        </div>
      )}
    </div>
  );
}
