import { useState } from 'react';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useUrgentCall } from '../api/self-service-api.ts';

/**
 * The one-button call (HCS-3 `sosCall`): a big red button, then a plain yes/no step so a pocket
 * press does not call. One key per confirmation: a retry on a bad line makes no second order.
 */
export function UrgentCall({ elderId }: { elderId: string }) {
  const { t } = useI18n();
  const call = useUrgentCall(elderId);
  const [key, setKey] = useState<string | null>(null);
  if (call.isSuccess)
    return (
      <section className="my-card my-card--sent" role="status">
        <p className="my-big">{t('my.urgentSent')}</p>
        <p>{t(`my.status.${call.data.status}`)}</p>
      </section>
    );
  if (!key)
    return (
      <section className="my-card">
        <button type="button" className="my-button my-button--urgent" onClick={() => setKey(newIdempotencyKey())}>
          {t('my.urgent')}
        </button>
        <p>{t('my.urgentHint')}</p>
      </section>
    );
  return (
    <section className="my-card my-card--confirm" role="alertdialog" aria-labelledby="my-urgent-confirm">
      <p id="my-urgent-confirm" className="my-big">
        {t('my.urgentConfirm')}
      </p>
      <button
        type="button"
        className="my-button my-button--urgent"
        disabled={call.isPending}
        onClick={() => call.mutate({ key })}
      >
        {t('my.urgentYes')}
      </button>
      <button type="button" className="my-button my-button--quiet" onClick={() => setKey(null)}>
        {t('my.back')}
      </button>
      {call.isError ? (
        <p className="my-error" role="alert">
          {errorText(call.error, t)}
        </p>
      ) : null}
    </section>
  );
}
