import { Input, Radio, Select } from 'antd';
import type { ServiceItemDto } from '@kangyang/contracts/home-care';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useQuote } from '../api/orders-api.ts';
import type { CallerRelation, IntakeField, IntakeValues } from './intake-values.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const RELATIONS: readonly CallerRelation[] = ['self', 'family', 'neighbour', 'staff', 'other'];

type Props = {
  values: IntakeValues;
  onChange: (patch: Partial<IntakeValues>) => void;
  errors: Partial<Record<IntakeField, string>>;
  catalogue: readonly ServiceItemDto[];
};

function FieldError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div className="field-error" role="alert">
      {text}
    </div>
  );
}

/** The price the elder pays after the subsidy, with its basis, for the operator to read out. */
function QuoteLine({ elderId, serviceItemId }: { elderId: string | null; serviceItemId: string | null }) {
  const { t } = useI18n();
  const quote = useQuote(elderId, serviceItemId);
  if (!quote.data) return null;
  const { priceFen, subsidyFen, elderPaysFen, basis } = quote.data;
  return (
    <div className="intake-quote" role="status">
      {t('intake.quote', { price: yuan(priceFen), subsidy: yuan(subsidyFen), pays: yuan(elderPaysFen) })}{' '}
      <strong>{t(`intake.basis.${basis}`)}</strong>
    </div>
  );
}

function ServiceField({ values, onChange, errors, catalogue }: Props) {
  const { t, locale } = useI18n();
  return (
    <>
      <label htmlFor="intake-service" className="intake-label">
        {t('intake.service')}
      </label>
      <Select
        id="intake-service"
        showSearch
        size="large"
        value={values.serviceItemId ?? undefined}
        status={errors.serviceItemId ? 'error' : undefined}
        placeholder={t('intake.servicePlaceholder')}
        optionFilterProp="label"
        onChange={(serviceItemId: string) => onChange({ serviceItemId })}
        options={catalogue.map((item) => ({
          value: item.id,
          label: `${locale === 'en-US' ? item.nameEn : item.name} · ${t('care.minutes', { count: item.durationMinutes })} · ¥${yuan(item.priceFen)}`,
        }))}
        className="intake-service"
      />
      <FieldError text={errors.serviceItemId} />
      <QuoteLine elderId={values.elderId} serviceItemId={values.serviceItemId} />
    </>
  );
}

function WhenField({ values, onChange, errors }: Props) {
  const { t } = useI18n();
  return (
    <>
      <span className="intake-label" id="intake-when-label">
        {t('intake.when')}
      </span>
      <div className="intake-row">
        <Radio.Group
          aria-labelledby="intake-when-label"
          value={values.when}
          onChange={(event) => onChange({ when: event.target.value as IntakeValues['when'] })}
          options={[
            { value: 'asap', label: t('intake.asap') },
            { value: 'scheduled', label: t('intake.scheduled') },
          ]}
        />
        {values.when === 'scheduled' && (
          <Input
            type="datetime-local"
            aria-label={t('intake.scheduledAt')}
            value={values.scheduledAt}
            status={errors.scheduledAt ? 'error' : undefined}
            onChange={(event) => onChange({ scheduledAt: event.target.value })}
            className="intake-time"
          />
        )}
      </div>
      <FieldError text={errors.scheduledAt} />
      <span className="intake-label" id="intake-urgency-label">
        {t('intake.urgency')}
      </span>
      <Radio.Group
        aria-labelledby="intake-urgency-label"
        value={values.urgency}
        onChange={(event) => onChange({ urgency: event.target.value as IntakeValues['urgency'] })}
        options={[
          { value: 'routine', label: t('intake.routine') },
          { value: 'urgent', label: t('intake.urgent') },
        ]}
        className="intake-urgency"
      />
    </>
  );
}

function CallerField({ values, onChange, errors }: Props) {
  const { t } = useI18n();
  return (
    <>
      <span className="intake-label" id="intake-caller-label">
        {t('intake.caller')}
      </span>
      <div className="intake-row">
        <Select
          aria-labelledby="intake-caller-label"
          value={values.callerRelation}
          onChange={(callerRelation: CallerRelation) => onChange({ callerRelation })}
          options={RELATIONS.map((relation) => ({ value: relation, label: t(`intake.relation.${relation}`) }))}
          className="intake-relation"
        />
        <Input
          aria-label={t('intake.callerName')}
          placeholder={t('intake.callerName')}
          value={values.callerName}
          maxLength={50}
          onChange={(event) => onChange({ callerName: event.target.value })}
          className="intake-caller-name"
        />
      </div>
      <FieldError text={errors.callerName} />
      <label htmlFor="intake-notes" className="intake-label">
        {t('intake.notes')}
      </label>
      <Input
        id="intake-notes"
        value={values.notes}
        maxLength={500}
        status={errors.notes ? 'error' : undefined}
        placeholder={t('intake.notesPlaceholder')}
        onChange={(event) => onChange({ notes: event.target.value })}
      />
      <FieldError text={errors.notes} />
    </>
  );
}

/** Service, time, urgency, caller and notes: all reachable with Tab, Enter submits (HCS-3). */
export function IntakeFields(props: Props) {
  return (
    <div className="intake-fields">
      <ServiceField {...props} />
      <WhenField {...props} />
      <CallerField {...props} />
    </div>
  );
}
