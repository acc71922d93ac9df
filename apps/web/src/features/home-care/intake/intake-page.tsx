import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Typography, type InputRef } from 'antd';
import type { ElderListItem } from '@kangyang/contracts/elder';
import type { OrderDetailDto, ServiceItemDto } from '@kangyang/contracts/home-care';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useCatalogue, useCreateOrder } from '../api/orders-api.ts';
import { ElderLookup } from './elder-lookup.tsx';
import { IntakeFields } from './intake-fields.tsx';
import { EMPTY_INTAKE, intakeErrors, toOrderBody, type IntakeField, type IntakeValues } from './intake-values.ts';
import { OrderOutcome } from './order-outcome.tsx';
import '../board/home-care.css';

/** Where the focus goes for a field's error. */
const FOCUS: Readonly<Record<IntakeField, string>> = {
  elder: '#intake-lookup',
  serviceItemId: '#intake-service',
  scheduledAt: '.intake-time',
  callerName: '.intake-caller-name',
  notes: '#intake-notes',
};

type FormProps = {
  catalogue: readonly ServiceItemDto[];
  onCreated: (order: OrderDetailDto) => void;
};

/**
 * The call-centre form (HCS-3): one key per form, so a double Enter or a retry after a lost answer
 * makes one order (API-4); a new key only after the server answered a failure.
 */
export function IntakeForm({ catalogue, onCreated }: FormProps) {
  const { t } = useI18n();
  const create = useCreateOrder();
  const [values, setValues] = useState<IntakeValues>(EMPTY_INTAKE);
  const [elder, setElder] = useState<ElderListItem | null>(null);
  const [errors, setErrors] = useState<Partial<Record<IntakeField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const lookupRef = useRef<InputRef>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const change = (patch: Partial<IntakeValues>) => setValues((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = intakeErrors(values, new Date());
    setErrors(Object.fromEntries(found.map((error) => [error.field, t(`intake.error.${error.problem}`)])));
    setProblem(null);
    const first = found[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(FOCUS[first.field])?.focus();
      return;
    }
    create.mutate(
      { body: toOrderBody(values), idempotencyKey },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (isApiError(error) && error.status > 0) setIdempotencyKey(newIdempotencyKey());
          setProblem(errorText(error, t));
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} className="intake-form" noValidate aria-labelledby="intake-title">
      <ElderLookup
        selected={elder}
        inputRef={lookupRef}
        error={errors.elder ?? null}
        onSelect={(chosen) => {
          setElder(chosen);
          change({ elderId: chosen?.id ?? null });
          // straight on to the service, keyboard only
          if (chosen) setTimeout(() => formRef.current?.querySelector<HTMLElement>('#intake-service')?.focus(), 0);
        }}
      />
      <IntakeFields values={values} onChange={change} errors={errors} catalogue={catalogue} />
      {problem && <Alert type="error" showIcon role="alert" message={problem} className="page-alert" />}
      <div className="form-actions">
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} className="intake-submit">
          {t('intake.submit')}
        </Button>
        <span className="muted">{t('intake.enterHint')}</span>
      </div>
    </form>
  );
}

/** The phone-intake page: the form, then the created order with its dispatch candidates. */
export function IntakePage() {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const [order, setOrder] = useState<OrderDetailDto | null>(null);
  const [formKey, setFormKey] = useState(0);
  const next = () => {
    setOrder(null);
    setFormKey((key) => key + 1);
  };
  return (
    <section className="page" aria-labelledby="intake-title">
      <Typography.Title level={2} id="intake-title" className="page-title">
        {t('nav.intake')}
      </Typography.Title>
      {catalogue.isError && <Alert type="error" showIcon message={errorText(catalogue.error, t)} />}
      {order ? (
        <OrderOutcome order={order} onNext={next} />
      ) : (
        <IntakeForm
          key={formKey}
          catalogue={catalogue.data?.items.filter((item) => item.active) ?? []}
          onCreated={setOrder}
        />
      )}
    </section>
  );
}
