import { Checkbox, Input, Select } from 'antd';
import type { ProviderDto, ServiceItemDto } from '@kangyang/contracts/home-care';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { NOTES_MAX, timeWindowOf, type CarePlanField, type CarePlanValues } from './care-plan-values.ts';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type FieldsProps = {
  values: CarePlanValues;
  onChange: (patch: Partial<CarePlanValues>) => void;
  errors: Partial<Record<CarePlanField, string>>;
  catalogue: readonly ServiceItemDto[];
  providers: readonly ProviderDto[];
};

function FieldError({ field, text }: { field: CarePlanField; text: string | undefined }) {
  if (!text) return null;
  return (
    <div className="field-error" role="alert" id={`care-plan-${field}-error`}>
      {text}
    </div>
  );
}

const statusOf = (text: string | undefined) => (text ? ('error' as const) : undefined);

function ServiceAndProvider({ values, onChange, errors, catalogue, providers }: FieldsProps) {
  const { t, locale } = useI18n();
  return (
    <>
      <label htmlFor="care-plan-service" className="intake-label">
        {t('carePlans.service')}
      </label>
      <Select
        id="care-plan-service"
        showSearch
        size="large"
        value={values.serviceItemId ?? undefined}
        status={statusOf(errors.serviceItemId)}
        placeholder={t('intake.servicePlaceholder')}
        optionFilterProp="label"
        onChange={(serviceItemId: string) => onChange({ serviceItemId })}
        options={catalogue.map((item) => ({
          value: item.id,
          label: `${locale === 'en-US' ? item.nameEn : item.name} · ${t('care.minutes', { count: item.durationMinutes })}`,
        }))}
        className="care-plan-service"
      />
      <FieldError field="serviceItemId" text={errors.serviceItemId} />
      <label htmlFor="care-plan-provider" className="intake-label">
        {t('carePlans.provider')}
      </label>
      <Select
        id="care-plan-provider"
        allowClear
        showSearch
        size="large"
        value={values.providerId ?? undefined}
        status={statusOf(errors.providerId)}
        placeholder={t('carePlans.providerAny')}
        optionFilterProp="label"
        onChange={(providerId: string | undefined) => onChange({ providerId: providerId ?? null })}
        options={providers
          .filter((item) => item.active)
          .map((item) => ({
            value: item.id,
            label: item.rating === null ? item.name : `${item.name} ★${item.rating}`,
          }))}
        className="care-plan-provider"
      />
      <FieldError field="providerId" text={errors.providerId} />
    </>
  );
}

function WhenFields({ values, onChange, errors, catalogue }: FieldsProps) {
  const { t } = useI18n();
  const duration = catalogue.find((item) => item.id === values.serviceItemId)?.durationMinutes;
  return (
    <>
      <span className="intake-label" id="care-plan-weekdays-label">
        {t('carePlans.weekdays')}
      </span>
      <Checkbox.Group
        aria-labelledby="care-plan-weekdays-label"
        className="care-plan-weekdays"
        value={values.weekdays}
        onChange={(days) => onChange({ weekdays: days.map(Number) })}
        options={WEEKDAYS.map((day) => ({ value: day, label: t(`carePlans.weekday.${day}`) }))}
      />
      <FieldError field="weekdays" text={errors.weekdays} />
      <label htmlFor="care-plan-time" className="intake-label">
        {t('carePlans.timeOfDay')}
      </label>
      <div className="intake-row">
        <Input
          id="care-plan-time"
          type="time"
          size="large"
          value={values.timeOfDay}
          status={statusOf(errors.timeOfDay)}
          onChange={(event) => onChange({ timeOfDay: event.target.value })}
          className="care-plan-time"
        />
        {duration !== undefined && (
          <span className="muted">{t('carePlans.window', { window: timeWindowOf(values.timeOfDay, duration) })}</span>
        )}
      </div>
      <FieldError field="timeOfDay" text={errors.timeOfDay} />
    </>
  );
}

function DateFields({ values, onChange, errors }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="care-plan-start" className="intake-label">
        {t('carePlans.startDate')}
      </label>
      <Input
        id="care-plan-start"
        type="date"
        size="large"
        value={values.startDate}
        status={statusOf(errors.startDate)}
        onChange={(event) => onChange({ startDate: event.target.value })}
      />
      <FieldError field="startDate" text={errors.startDate} />
      <label htmlFor="care-plan-end" className="intake-label">
        {t('carePlans.endDate')}
      </label>
      <Input
        id="care-plan-end"
        type="date"
        size="large"
        value={values.endDate}
        status={statusOf(errors.endDate)}
        placeholder={t('carePlans.noEnd')}
        onChange={(event) => onChange({ endDate: event.target.value })}
      />
      <FieldError field="endDate" text={errors.endDate} />
    </>
  );
}

/** The fields of a new care plan, each with its own error line (client checks and server answers). */
export function CarePlanFields(props: FieldsProps) {
  const { t } = useI18n();
  const { values, onChange, errors } = props;
  return (
    <div className="intake-fields care-plan-fields">
      <ServiceAndProvider {...props} />
      <WhenFields {...props} />
      <DateFields {...props} />
      <label htmlFor="care-plan-notes" className="intake-label">
        {t('carePlans.notes')}
      </label>
      <Input.TextArea
        id="care-plan-notes"
        rows={2}
        maxLength={NOTES_MAX + 50}
        value={values.notes}
        status={statusOf(errors.notes)}
        onChange={(event) => onChange({ notes: event.target.value })}
      />
      <FieldError field="notes" text={errors.notes} />
    </div>
  );
}
