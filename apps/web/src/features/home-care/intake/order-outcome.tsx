import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Space, Table, Tag } from 'antd';
import type { CandidateDto, OrderDetailDto } from '@kangyang/contracts/home-care';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useCandidates, useDispatch, useOrder } from '../api/orders-api.ts';
import { ClockTag } from '../board/clock-tag.tsx';

const GOOD = new Set(['near', 'hasSkills', 'onShift', 'lightLoad', 'continuity', 'highRating']);

/** A ranking reason as a tag: green for a point in favour, red against (HCS-4). */
export function ReasonTags({ candidate }: { candidate: CandidateDto }) {
  const { t } = useI18n();
  return (
    <span className="reason-tags">
      {candidate.reasons.map((reason) => (
        <Tag key={reason.code} color={GOOD.has(reason.code) ? 'green' : 'red'}>
          {t(`dispatch.reason.${reason.code}`, { value: reason.value ?? '' })}
        </Tag>
      ))}
    </span>
  );
}

/** Override: the operator picks another worker and must say why (HCS-4). */
function OverrideCell({ orderId, candidate }: { orderId: string; candidate: CandidateDto }) {
  const { t } = useI18n();
  const { override } = useDispatch(orderId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} className="override-open">
        {t('dispatch.assign')}
      </Button>
    );
  const tooShort = reason.trim().length < 2;
  return (
    <Space.Compact className="override-form">
      <Input
        autoFocus
        aria-label={t('dispatch.overrideReason')}
        placeholder={t('dispatch.overrideReason')}
        value={reason}
        maxLength={200}
        onChange={(event) => setReason(event.target.value)}
        onPressEnter={() => !tooShort && override.mutate({ workerId: candidate.workerId, reason: reason.trim() })}
      />
      <Button
        type="primary"
        disabled={tooShort}
        loading={override.isPending}
        onClick={() => override.mutate({ workerId: candidate.workerId, reason: reason.trim() })}
        className="override-confirm"
      >
        {t('dispatch.confirmAssign')}
      </Button>
    </Space.Compact>
  );
}

/** The ranked candidates with their reasons; the best gets the offer, or the operator overrides. */
export function CandidateTable({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const candidates = useCandidates(can('order:dispatch') ? orderId : null);
  if (!can('order:dispatch')) return null;
  if (candidates.isError) return <Alert type="error" showIcon message={errorText(candidates.error, t)} />;
  return (
    <Table<CandidateDto>
      rowKey="workerId"
      size="middle"
      loading={candidates.isPending}
      pagination={false}
      dataSource={candidates.data?.items.slice(0, 10) ?? []}
      className="candidate-table"
      scroll={{ x: 900 }}
      columns={[
        { title: t('dispatch.rank'), dataIndex: 'rank', width: 64 },
        { title: t('dispatch.worker'), dataIndex: 'workerName', width: 120 },
        {
          title: t('dispatch.distance'),
          render: (_, row) => t('dispatch.km', { km: (row.distanceM / 1000).toFixed(1) }),
          width: 96,
        },
        { title: t('dispatch.eta'), render: (_, row) => t('care.minutes', { count: row.etaMinutes }), width: 96 },
        {
          title: t('dispatch.score'),
          render: (_, row) => (row.eligible ? Math.round(row.score) : t('dispatch.ineligible')),
          width: 80,
        },
        { title: t('dispatch.reasons'), render: (_, row) => <ReasonTags candidate={row} /> },
        {
          title: '',
          // an operator may assign anyone with a reason (HCS-4), an off-shift worker included
          render: (_, row) => <OverrideCell orderId={orderId} candidate={row} />,
          width: 260,
        },
      ]}
    />
  );
}

/** After intake: the order, its clock, who has it, the candidates; then the next call. */
export function OrderOutcome({ order: created, onNext }: { order: OrderDetailDto; onNext: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const live = useOrder(created.id);
  const order = live.data ?? created;
  const { auto } = useDispatch(order.id);
  const pending = order.offers.find((offer) => offer.status === 'pending');
  return (
    <div className="order-outcome">
      <Alert type="success" showIcon role="status" message={t('intake.created')} className="page-alert order-created" />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="order-facts">
        <Descriptions.Item label={t('intake.elder')}>{order.elderName}</Descriptions.Item>
        <Descriptions.Item label={t('intake.service')}>{order.serviceName}</Descriptions.Item>
        <Descriptions.Item label={t('orders.status')}>{t(`orders.statusName.${order.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.clock')}>
          <ClockTag clock={order.clock} />
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.worker')}>
          {order.workerName ?? (pending ? t('dispatch.offeredTo', { name: pending.workerName }) : t('common.none'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.elderPays')}>¥{(order.elderPaysFen / 100).toFixed(2)}</Descriptions.Item>
      </Descriptions>
      {auto.isError && <Alert type="error" showIcon message={errorText(auto.error, t)} className="page-alert" />}
      <Space wrap className="order-outcome__actions">
        {can('order:dispatch') && order.status === 'open' && (
          <Button type="primary" loading={auto.isPending} onClick={() => auto.mutate()} className="dispatch-best">
            {t('dispatch.offerBest')}
          </Button>
        )}
        <Button onClick={onNext} className="intake-next">
          {t('intake.next')}
        </Button>
      </Space>
      <h3 className="section-title">{t('dispatch.candidates')}</h3>
      <CandidateTable orderId={order.id} />
    </div>
  );
}
