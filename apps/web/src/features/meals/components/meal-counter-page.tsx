import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Descriptions, Input, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { Meal, RedemptionDto } from '@kangyang/contracts/meals';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRedeemMeal } from '../api/meals-api.ts';
import { credentialKindOf, yuan } from './credential-kind.ts';
import { CounterChoices, defaultMeal, rememberedSite, rememberSite } from './counter-choices.tsx';
import './meals.css';

function RedemptionResult({ result }: { result: RedemptionDto }) {
  const { t } = useI18n();
  const { order, elder } = result;
  return (
    <Card className={`meal-result ${result.alreadyRedeemed ? 'meal-result-again' : 'meal-result-ok'}`} role="status">
      <Typography.Title level={2} className="meal-result-name">
        {elder.name} <span className="meal-result-age">{t('meal.age', { age: elder.age })}</span>
      </Typography.Title>
      {result.alreadyRedeemed ? (
        <Alert type="warning" showIcon message={t('meal.already')} className="meal-result-alert" />
      ) : (
        <Tag color="green" className="meal-result-tag">
          {t('meal.redeemed')}
        </Tag>
      )}
      <Descriptions column={1} size="middle" className="meal-result-money">
        <Descriptions.Item label={t('meal.price')}>
          {t('meal.yuan', { amount: yuan(order.priceFen) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('meal.subsidy')}>
          {t('meal.yuan', { amount: yuan(order.subsidyFen) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('meal.payable')}>
          <strong className="meal-payable">{t('meal.yuan', { amount: yuan(order.payableFen) })}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{elder.idNumberMasked}</Typography.Text>
    </Card>
  );
}

/**
 * HCS-11: the meal counter. One large input that a barcode scanner (a keyboard that types and presses
 * Enter) or a person fills; the kind (card, QR, ID number) is recognised; the input clears and keeps the
 * focus after each scan, so the queue moves without touching the screen.
 */
export function MealCounterPage() {
  const { t } = useI18n();
  const [siteId, setSiteId] = useState<string | undefined>(rememberedSite);
  const [meal, setMeal] = useState<Meal>(defaultMeal);
  const [value, setValue] = useState('');
  const input = useRef<InputRef>(null);
  const redeem = useRedeemMeal();
  useEffect(() => input.current?.focus(), [siteId, meal, redeem.status]);

  const submit = () => {
    const text = value.trim();
    if (!siteId || text.length < 4 || redeem.isPending) return;
    setValue('');
    redeem.mutate({
      body: { siteId, meal, credential: { kind: credentialKindOf(text), value: text } },
      idempotencyKey: newIdempotencyKey(),
    });
  };
  const chooseSite = (id: string) => {
    setSiteId(id);
    rememberSite(id);
  };
  return (
    <section className="page meal-counter" aria-labelledby="meal-counter-title">
      <Typography.Title level={2} id="meal-counter-title" className="page-title">
        {t('meal.counterTitle')}
      </Typography.Title>
      <CounterChoices siteId={siteId} onSite={chooseSite} meal={meal} onMeal={setMeal} />
      <label htmlFor="meal-credential" className="meal-credential-label">
        {t('meal.credential')}
      </label>
      <Input
        id="meal-credential"
        ref={input}
        size="large"
        className="meal-credential"
        autoComplete="off"
        disabled={!siteId}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={submit}
        suffix={
          <Tag className={value.trim() ? '' : 'meal-kind-empty'}>
            {value.trim() ? t(`meal.kind.${credentialKindOf(value)}`) : ' '}
          </Tag>
        }
      />
      <Typography.Paragraph type="secondary">{t('meal.credentialHint')}</Typography.Paragraph>
      {redeem.isError && (
        <Alert type="error" showIcon role="alert" className="meal-error" message={errorText(redeem.error, t)} />
      )}
      {redeem.data && !redeem.isError && <RedemptionResult result={redeem.data} />}
    </section>
  );
}
