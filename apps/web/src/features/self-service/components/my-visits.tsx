import { useState } from 'react';
import { COMPLAINT_CATEGORIES } from '@kangyang/contracts/complaints';
import type { MyOrderDto } from '@kangyang/contracts/self-service';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useFileComplaint, useMyOrders, useRateVisit } from '../api/self-service-api.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/** HCS-9: 1–5 stars for a completed visit, once; the buttons are big and say their number. */
function RateVisit({ elderId, visitId }: { elderId: string; visitId: string }) {
  const { t } = useI18n();
  const rate = useRateVisit(elderId);
  if (rate.isSuccess) return <p role="status">{t('my.thanks')}</p>;
  return (
    <div className="my-rate" role="group" aria-label={t('my.rateTitle')}>
      <p className="my-label">{t('my.rateTitle')}</p>
      {STARS.map((n) => (
        <button
          key={n}
          type="button"
          className="my-star"
          aria-label={t('my.star', { n })}
          disabled={rate.isPending}
          onClick={() => rate.mutate({ visitId, body: { stars: n } })}
        >
          {'★'.repeat(n)}
        </button>
      ))}
      {rate.isError ? <p className="my-error">{errorText(rate.error, t)}</p> : null}
    </div>
  );
}

/** HCS-9, SUP-2: a complaint about one order, answered by its provider, supervised by the region. */
function Complain({ elderId, order }: { elderId: string; order: MyOrderDto }) {
  const { t } = useI18n();
  const file = useFileComplaint(elderId);
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<(typeof COMPLAINT_CATEGORIES)[number]>('quality');
  const [text, setText] = useState('');
  if (file.isSuccess) return <p role="status">{t('my.complaintSent')}</p>;
  if (!open)
    return (
      <button type="button" className="my-button my-button--quiet" onClick={() => setOpen(true)}>
        {t('my.complain')}
      </button>
    );
  const id = `my-complaint-${order.id}`;
  return (
    <div className="my-complaint">
      <p className="my-label">{t('my.complainTitle', { service: order.serviceName })}</p>
      <label className="my-label" htmlFor={`${id}-category`}>
        {t('my.complainCategory')}
      </label>
      <select
        id={`${id}-category`}
        className="my-input"
        value={category}
        onChange={(e) => setCategory(e.target.value as typeof category)}
      >
        {COMPLAINT_CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {t(`complaint.category.${value}`)}
          </option>
        ))}
      </select>
      <label className="my-label" htmlFor={`${id}-text`}>
        {t('my.complainText')}
      </label>
      <textarea
        id={`${id}-text`}
        className="my-input"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button
        type="button"
        className="my-button my-button--primary"
        disabled={!text.trim() || file.isPending}
        onClick={() => file.mutate({ orderId: order.id, category, description: text.trim() })}
      >
        {t('my.send')}
      </button>
      {file.isError ? <p className="my-error">{errorText(file.error, t)}</p> : null}
    </div>
  );
}

function VisitCard({ elderId, order }: { elderId: string; order: MyOrderDto }) {
  const { t, locale } = useI18n();
  const when = order.scheduledFor ?? order.createdAt;
  return (
    <li className={`my-visit${order.channel === 'sosCall' ? ' my-visit--urgent' : ''}`}>
      <p className="my-big">{order.serviceName}</p>
      <p>{new Date(when).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</p>
      <p className="my-status">{t(`my.status.${order.status}`)}</p>
      {order.workerName ? <p>{t('my.worker', { name: order.workerName })}</p> : null}
      {order.stars !== null ? <p>{t('my.rated', { n: order.stars })}</p> : null}
      {order.visitStatus === 'completed' && order.visitId && order.stars === null ? (
        <RateVisit elderId={elderId} visitId={order.visitId} />
      ) : null}
      {order.visitId ? <Complain elderId={elderId} order={order} /> : null}
    </li>
  );
}

/** The elder's orders, newest first: what is coming and what was done. */
export function MyVisits({ elderId }: { elderId: string }) {
  const { t } = useI18n();
  const orders = useMyOrders(elderId);
  const items = orders.data?.items ?? [];
  return (
    <section className="my-card" aria-labelledby="my-visits-title">
      <h2 id="my-visits-title">{t('my.visits')}</h2>
      {orders.isSuccess && items.length === 0 ? <p>{t('my.noVisits')}</p> : null}
      {orders.isError ? <p className="my-error">{errorText(orders.error, t)}</p> : null}
      <ul className="my-visit-list">
        {items.map((order) => (
          <VisitCard key={order.id} elderId={elderId} order={order} />
        ))}
      </ul>
    </section>
  );
}
