import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button } from 'antd';
import type { CarePlanDto } from '@kangyang/contracts/care-plans';
import type { ProviderDto, ServiceItemDto } from '@kangyang/contracts/home-care';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useCreateCarePlan } from '../api/care-plans-api.ts';
import { CarePlanFields } from './care-plan-fields.tsx';
import {
  carePlanErrors,
  emptyCarePlan,
  formFieldOf,
  toCarePlanBody,
  type CarePlanField,
  type CarePlanValues,
} from './care-plan-values.ts';

/** Where the focus goes for a field's error. */
const FOCUS: Readonly<Record<CarePlanField, string>> = {
  serviceItemId: '#care-plan-service',
  weekdays: '.care-plan-weekdays input',
  timeOfDay: '#care-plan-time',
  startDate: '#care-plan-start',
  endDate: '#care-plan-end',
  providerId: '#care-plan-provider',
  notes: '#care-plan-notes',
};

type Props = {
  elderId: string;
  today: string;
  catalogue: readonly ServiceItemDto[];
  providers: readonly ProviderDto[];
  onCreated: (plan: CarePlanDto) => void;
  onCancel?: () => void;
};

/**
 * A new care plan (HCS-3): a weekly pattern of one service for one elder. One Idempotency-Key per
 * form, so a retry after a lost answer makes one plan (API-4); a server error naming a field shows
 * under that field.
 */
export function CarePlanForm({ elderId, today, catalogue, providers, onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const create = useCreateCarePlan();
  const [values, setValues] = useState<CarePlanValues>(() => emptyCarePlan(today));
  const [errors, setErrors] = useState<Partial<Record<CarePlanField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const formRef = useRef<HTMLFormElement>(null);
  const focus = (field: CarePlanField) => formRef.current?.querySelector<HTMLElement>(FOCUS[field])?.focus();

  const change = (patch: Partial<CarePlanValues>) => setValues((current) => ({ ...current, ...patch }));
  const refused = (error: Error) => {
    if (isApiError(error) && error.status > 0) setIdempotencyKey(newIdempotencyKey());
    const field = isApiError(error) ? formFieldOf(error.field) : null;
    if (!field) return setProblem(errorText(error, t));
    setErrors({ [field]: errorText(error, t) });
    focus(field);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = carePlanErrors(values);
    setErrors(Object.fromEntries(found.map((error) => [error.field, t(`carePlans.error.${error.problem}`)])));
    setProblem(null);
    const first = found[0];
    if (first) return focus(first.field);
    create.mutate(
      { body: toCarePlanBody(elderId, values), idempotencyKey },
      { onSuccess: onCreated, onError: refused },
    );
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      className="intake-form care-plan-form"
      noValidate
      aria-label={t('carePlans.new')}
    >
      <CarePlanFields values={values} onChange={change} errors={errors} catalogue={catalogue} providers={providers} />
      {problem && <Alert type="error" showIcon role="alert" message={problem} className="page-alert" />}
      <div className="form-actions">
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} className="care-plan-submit">
          {t('carePlans.create')}
        </Button>
        {onCancel && (
          <Button size="large" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
