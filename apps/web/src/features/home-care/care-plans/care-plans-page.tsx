import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Empty, Spin, Typography } from 'antd';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useElder } from '../../elders/api/elders-api.ts';
import { useCatalogue } from '../api/orders-api.ts';
import { useCarePlanOrders, useCarePlans, useProviders } from '../api/care-plans-api.ts';
import { CarePlanCard, ordersOfPlan } from './care-plan-card.tsx';
import { CarePlanForm } from './care-plan-form.tsx';
import '../board/home-care.css';
import './care-plans.css';

/** Today in China, 'YYYY-MM-DD' (plans are in China dates). */
const chinaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/** The new-plan button, then the form in its place. */
function AddPlan({ elderId }: { elderId: string }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const providers = useProviders();
  const [adding, setAdding] = useState(false);
  if (!adding)
    return (
      <Button type="primary" size="large" onClick={() => setAdding(true)} className="care-plan-add">
        {t('carePlans.new')}
      </Button>
    );
  return (
    <CarePlanForm
      elderId={elderId}
      today={chinaToday()}
      catalogue={catalogue.data?.items.filter((item) => item.active) ?? []}
      providers={providers.data?.items ?? []}
      onCreated={() => setAdding(false)}
      onCancel={() => setAdding(false)}
    />
  );
}

/**
 * An elder's care plans (HCS-3 recurring visits, HCS-7): the care manager sees each plan with the
 * visits it booked, adds a plan, and ends one (its booked visits not yet started are cancelled).
 */
export function CarePlansPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can } = useSession();
  const elder = useElder(id);
  const plans = useCarePlans(id);
  const orders = useCarePlanOrders(id);
  const catalogue = useCatalogue();
  const providers = useProviders();
  const canWrite = can('order:write');
  const services = catalogue.data?.items ?? [];
  const providerName = (providerId: string | null) =>
    providers.data?.items.find((item) => item.id === providerId)?.name ?? null;
  const failure = plans.error ?? catalogue.error;
  return (
    <section className="page" aria-labelledby="care-plans-title">
      <div className="care-plans__links">
        <Link to={`/elders/${id}`}>← {elder.data?.name ?? t('common.back')}</Link>
        <Link to={`/elders/${id}/visits`}>{t('elderLinks.visits')}</Link>
      </div>
      <Typography.Title level={2} id="care-plans-title" className="page-title">
        {t('carePlans.title', { name: elder.data?.name ?? '' })}
      </Typography.Title>
      {failure && <Alert type="error" showIcon message={errorText(failure, t)} className="page-alert" />}
      {canWrite && <AddPlan elderId={id} />}
      {plans.isPending ? (
        <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />
      ) : plans.data?.items.length === 0 ? (
        <Empty description={t('carePlans.none')} />
      ) : (
        <div className="care-plans">
          {plans.data?.items.map((plan) => (
            <CarePlanCard
              key={plan.id}
              plan={plan}
              service={services.find((item) => item.id === plan.serviceItemId)}
              providerName={providerName(plan.providerId)}
              orders={ordersOfPlan(plan, orders.data?.items ?? [])}
              canWrite={canWrite}
            />
          ))}
        </div>
      )}
    </section>
  );
}
