import { useState } from 'react';
import { Button, Descriptions, Input, Modal, Table, Tag } from 'antd';
import type { CarePlanDto } from '@kangyang/contracts/care-plans';
import type { OrderDto, ServiceItemDto } from '@kangyang/contracts/home-care';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useEndCarePlan } from '../api/care-plans-api.ts';
import { timeWindowOf, type Weekday } from './care-plan-values.ts';

const shanghai = (iso: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Date(iso).toLocaleString(locale, { ...options, hour12: false, timeZone: 'Asia/Shanghai' });

/**
 * The orders a plan booked: the elder's care-plan orders for this plan's service at this plan's time
 * of day (orders carry no plan id; two plans of one service at one time would share them).
 */
export function ordersOfPlan(plan: CarePlanDto, orders: readonly OrderDto[]): OrderDto[] {
  const mine = orders.filter(
    (order) =>
      order.channel === 'carePlan' &&
      order.serviceItemId === plan.serviceItemId &&
      order.scheduledFor !== null &&
      shanghai(order.scheduledFor, 'en-GB', { hour: '2-digit', minute: '2-digit' }) === plan.timeOfDay,
  );
  // the next visit first
  return mine.sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''));
}

function EndPlan({ plan }: { plan: CarePlanDto }) {
  const { t } = useI18n();
  const end = useEndCarePlan();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!reason.trim()) return setError(t('carePlans.error.reasonRequired'));
    end.mutate(
      { id: plan.id, reason: reason.trim() },
      { onSuccess: () => setOpen(false), onError: (failure) => setError(errorText(failure, t)) },
    );
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} className="care-plan-end">
        {t('carePlans.end')}
      </Button>
      <Modal
        open={open}
        title={t('carePlans.endTitle')}
        okText={t('carePlans.end')}
        okButtonProps={{ danger: true, loading: end.isPending }}
        onOk={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{t('carePlans.endHint')}</p>
        <label htmlFor={`end-reason-${plan.id}`} className="intake-label">
          {t('carePlans.endReason')}
        </label>
        <Input.TextArea
          id={`end-reason-${plan.id}`}
          rows={2}
          maxLength={200}
          value={reason}
          status={error ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </Modal>
    </>
  );
}

function PlanOrders({ orders }: { orders: readonly OrderDto[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<OrderDto>
      rowKey="id"
      size="small"
      className="care-plan-orders"
      dataSource={[...orders]}
      pagination={{ pageSize: 7, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: t('carePlans.noOrders') }}
      columns={[
        {
          title: t('carePlans.visitAt'),
          render: (_: unknown, row: OrderDto) =>
            row.scheduledFor
              ? shanghai(row.scheduledFor, locale, {
                  weekday: 'short',
                  month: '2-digit',
                  day: '2-digit',
                  hour: '2-digit',
                  minute: '2-digit',
                })
              : '—',
        },
        { title: t('orders.status'), render: (_: unknown, row: OrderDto) => t(`orders.statusName.${row.status}`) },
        { title: t('orders.worker'), render: (_: unknown, row: OrderDto) => row.workerName ?? '—' },
      ]}
    />
  );
}

type Props = {
  plan: CarePlanDto;
  service: ServiceItemDto | undefined;
  providerName: string | null;
  orders: readonly OrderDto[];
  canWrite: boolean;
};

/** One plan: service, weekdays and window, dates, provider, status; the visits it booked; end. */
export function CarePlanCard({ plan, service, providerName, orders, canWrite }: Props) {
  const { t, locale } = useI18n();
  const serviceName = service ? (locale === 'en-US' ? service.nameEn : service.name) : '—';
  const days =
    plan.weekdays.length === 7
      ? t('carePlans.everyDay')
      : plan.weekdays.map((day) => t(`carePlans.weekday.${day as Weekday}`)).join(' ');
  return (
    <article className={`care-plan care-plan--${plan.status}`} aria-label={serviceName}>
      <header className="care-plan__head">
        <h3 className="care-plan__title">{serviceName}</h3>
        <Tag color={plan.status === 'active' ? 'green' : 'default'} className="tag-large">
          {t(`carePlans.status.${plan.status}`)}
        </Tag>
        {plan.status === 'active' && canWrite && <EndPlan plan={plan} />}
      </header>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('carePlans.weekdays')}>{days}</Descriptions.Item>
        <Descriptions.Item label={t('carePlans.timeOfDay')}>
          {timeWindowOf(plan.timeOfDay, service?.durationMinutes)}
        </Descriptions.Item>
        <Descriptions.Item label={t('carePlans.period')}>
          {plan.startDate} – {plan.endDate ?? t('carePlans.noEnd')}
        </Descriptions.Item>
        <Descriptions.Item label={t('carePlans.provider')}>
          {providerName ?? t('carePlans.providerAny')}
        </Descriptions.Item>
        {plan.notes && <Descriptions.Item label={t('carePlans.notes')}>{plan.notes}</Descriptions.Item>}
        {plan.endReason && <Descriptions.Item label={t('carePlans.endReason')}>{plan.endReason}</Descriptions.Item>}
      </Descriptions>
      <h4 className="care-plan__orders-title">{t('carePlans.orders', { count: orders.length })}</h4>
      <PlanOrders orders={orders} />
    </article>
  );
}
