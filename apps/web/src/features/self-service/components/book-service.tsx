import { useState } from 'react';
import type { MyCatalogueItem } from '@kangyang/contracts/self-service';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useMyCatalogue, usePlaceOrder } from '../api/self-service-api.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Local date and time from the phone's pickers as an instant; empty date = as soon as possible. */
function scheduledOf(date: string, time: string): string | null {
  if (!date) return null;
  const at = new Date(`${date}T${time || '09:00'}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function ItemChoice(props: { item: MyCatalogueItem; chosen: boolean; onChoose: () => void }) {
  const { t, locale } = useI18n();
  const { item } = props;
  return (
    <button
      type="button"
      className={`my-choice${props.chosen ? ' my-choice--chosen' : ''}`}
      aria-pressed={props.chosen}
      onClick={props.onChoose}
    >
      <span className="my-choice__name">{locale === 'en-US' ? item.nameEn : item.name}</span>
      <span className="my-choice__price">{t('my.pays', { amount: yuan(item.quote.elderPaysFen) })}</span>
    </button>
  );
}

/** The day and time pickers of the phone; no day chosen means as soon as possible. */
function WhenPicker(props: { date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void }) {
  const { t } = useI18n();
  const { date, time } = props;
  return (
    <>
      <label className="my-label" htmlFor="my-date">
        {t('my.when')}
      </label>
      <div className="my-when">
        <input
          id="my-date"
          type="date"
          className="my-input"
          value={date}
          onChange={(e) => props.onDate(e.target.value)}
        />
        <input
          type="time"
          className="my-input"
          aria-label={t('my.when')}
          value={time}
          onChange={(e) => props.onTime(e.target.value)}
        />
      </div>
      {date ? null : <p>{t('my.asap')}</p>}
    </>
  );
}

/** Booking a service (HCS-3 channel `app`): pick a service, a day and time, confirm. */
export function BookService({ elderId }: { elderId: string }) {
  const { t } = useI18n();
  const catalogue = useMyCatalogue(elderId);
  const place = usePlaceOrder(elderId);
  const [itemId, setItemId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [key, setKey] = useState(newIdempotencyKey);
  const book = () => {
    if (!itemId) return;
    const body = { serviceItemId: itemId, scheduledFor: scheduledOf(date, time) };
    place.mutate(
      { body, key },
      {
        onSuccess: () => {
          setItemId(null);
          setKey(newIdempotencyKey());
        },
      },
    );
  };
  return (
    <section className="my-card" aria-labelledby="my-book-title">
      <h2 id="my-book-title">{t('my.order')}</h2>
      {place.isSuccess && !itemId ? <p role="status">{t('my.booked')}</p> : null}
      <p className="my-label">{t('my.pickService')}</p>
      <div className="my-choices">
        {(catalogue.data?.items ?? []).map((item) => (
          <ItemChoice key={item.id} item={item} chosen={item.id === itemId} onChoose={() => setItemId(item.id)} />
        ))}
      </div>
      <WhenPicker date={date} time={time} onDate={setDate} onTime={setTime} />
      <button
        type="button"
        className="my-button my-button--primary"
        disabled={!itemId || place.isPending}
        onClick={book}
      >
        {t('my.book')}
      </button>
      {place.isError ? (
        <p className="my-error" role="alert">
          {errorText(place.error, t)}
        </p>
      ) : null}
      {catalogue.isError ? <p className="my-error">{errorText(catalogue.error, t)}</p> : null}
    </section>
  );
}
