import { useState } from 'react';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useMyElders } from '../api/self-service-api.ts';
import { BookService } from './book-service.tsx';
import { MyVisits } from './my-visits.tsx';
import { UrgentCall } from './urgent-call.tsx';

/**
 * /my (issue 6 items 2 and 7): the one-button call, booking a service, the visits with their stars
 * and a complaint, for the elder the account is linked to. Built for an 85-year-old with poor
 * eyesight: 22 px type, 64 px buttons, dark on white, one column, a confirm step before the call.
 */
export function MyPage() {
  const { t } = useI18n();
  const elders = useMyElders();
  const [chosen, setChosen] = useState<string | null>(null);
  if (elders.isPending) return <p className="my-note">{t('common.loading')}</p>;
  if (elders.isError)
    return (
      <p className="my-note" role="alert">
        {errorText(elders.error, t)}
      </p>
    );
  const items = elders.data.items;
  const elder = items.find((item) => item.elderId === chosen) ?? items[0];
  if (!elder) return <p className="my-note">{t('my.noElders')}</p>;
  return (
    <div className="my-page">
      {items.length > 1 ? (
        <nav className="my-elders" aria-label={t('my.title')}>
          {items.map((item) => (
            <button
              key={item.elderId}
              type="button"
              className={`my-button ${item.elderId === elder.elderId ? 'my-button--primary' : 'my-button--quiet'}`}
              aria-pressed={item.elderId === elder.elderId}
              onClick={() => setChosen(item.elderId)}
            >
              {item.name}
            </button>
          ))}
        </nav>
      ) : null}
      <h1 className="my-who">
        {t('my.for', { name: elder.name })} <span className="my-id">{elder.idNumberMasked}</span>
      </h1>
      <UrgentCall key={`urgent-${elder.elderId}`} elderId={elder.elderId} />
      <BookService key={`book-${elder.elderId}`} elderId={elder.elderId} />
      <MyVisits key={`visits-${elder.elderId}`} elderId={elder.elderId} />
    </div>
  );
}
