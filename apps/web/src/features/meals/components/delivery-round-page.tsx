import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { DeliveryStopDto } from '@kangyang/contracts/meal-deliveries';
import type { Meal } from '@kangyang/contracts/meals';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { RegionName } from '../../../shared/region-name.tsx';
import { useDeliveryRound, useRedeemMeal } from '../api/meals-api.ts';
import { credentialKindOf } from './credential-kind.ts';
import { CounterChoices, defaultMeal, rememberedSite, rememberSite } from './counter-choices.tsx';
import './meals.css';

const localDate = (): string => {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Handing over at the door: the elder's card, QR code or ID number, as at the counter. */
function HandOver({ siteId, meal, onDone }: { siteId: string; meal: Meal; onDone: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const redeem = useRedeemMeal();
  const submit = () => {
    const text = value.trim();
    if (text.length < 4 || redeem.isPending) return;
    redeem.mutate(
      {
        body: { siteId, meal, credential: { kind: credentialKindOf(text), value: text } },
        idempotencyKey: newIdempotencyKey(),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Space.Compact className="delivery-handover">
      <Input
        size="large"
        autoComplete="off"
        aria-label={t('meal.credential')}
        placeholder={t('meal.credential')}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={submit}
        status={redeem.isError ? 'error' : undefined}
      />
      <Button size="large" type="primary" loading={redeem.isPending} onClick={submit}>
        {t('delivery.handOver')}
      </Button>
      {redeem.isError && <Alert type="error" showIcon role="alert" message={errorText(redeem.error, t)} />}
    </Space.Compact>
  );
}

function StopCard({
  stop,
  siteId,
  meal,
  onDone,
}: {
  stop: DeliveryStopDto;
  siteId: string;
  meal: Meal;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const done = stop.status === 'delivered';
  return (
    <List.Item className={`delivery-stop ${done ? 'delivery-stop-done' : ''}`}>
      <Card size="small" className="delivery-card">
        <div className="delivery-card__head">
          <span className="delivery-sequence" aria-label={t('delivery.sequence', { n: stop.sequence })}>
            {stop.sequence}
          </span>
          <Typography.Title level={3} className="delivery-name">
            {stop.elderName}
          </Typography.Title>
          <Tag color={done ? 'green' : 'orange'} className="tag-large">
            {done ? t('delivery.delivered') : t('delivery.toDeliver')}
          </Tag>
        </div>
        <div className="delivery-address">{stop.address ?? t('delivery.noAddress')}</div>
        <div className="delivery-facts">
          <RegionName code={stop.regionCode} />
          {stop.legMetres !== null && <span>{t('delivery.leg', { metres: stop.legMetres })}</span>}
          {stop.phoneMasked && <span className="identifier">{stop.phoneMasked}</span>}
          <span className="identifier">{stop.idNumberMasked}</span>
        </div>
        {!done && <HandOver siteId={siteId} meal={meal} onDone={onDone} />}
      </Card>
    </List.Item>
  );
}

/**
 * HCS-11 meal delivery for elders who cannot come to the counter: the round of one meal in driving
 * order from the kitchen, readable on a phone; each door is handed over with the elder's card, QR
 * code or ID number, which counts the meal as delivered.
 */
export function DeliveryRoundPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [siteId, setSiteId] = useState<string | undefined>(rememberedSite);
  const [meal, setMeal] = useState<Meal>(defaultMeal);
  const [date, setDate] = useState(localDate);
  const round = useDeliveryRound(siteId, { date, meal });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['meals', 'deliveries'] });
  const chooseSite = (id: string) => {
    setSiteId(id);
    rememberSite(id);
  };
  const data = round.data;
  return (
    <section className="page delivery-round" aria-labelledby="delivery-title">
      <Typography.Title level={2} id="delivery-title" className="page-title">
        {t('delivery.title')}
      </Typography.Title>
      <Space wrap size="large">
        <CounterChoices siteId={siteId} onSite={chooseSite} meal={meal} onMeal={setMeal} />
        <Input
          type="date"
          size="large"
          aria-label={t('delivery.date')}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </Space>
      {round.isError && <Alert type="error" showIcon role="alert" message={errorText(round.error, t)} />}
      {data && (
        <div className="delivery-summary" role="status">
          <Progress percent={data.total ? Math.round((data.delivered * 100) / data.total) : 0} size="small" />
          <span>
            {t('delivery.summary', {
              delivered: data.delivered,
              total: data.total,
              km: (data.roundMetres / 1000).toFixed(1),
            })}
          </span>
        </div>
      )}
      <List<DeliveryStopDto>
        loading={round.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={siteId ? t('delivery.empty') : t('meal.sitePlaceholder')} /> }}
        renderItem={(stop) => <StopCard stop={stop} siteId={data?.siteId ?? ''} meal={meal} onDone={refresh} />}
      />
    </section>
  );
}
