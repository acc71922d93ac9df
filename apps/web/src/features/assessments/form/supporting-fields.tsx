import { Card, Checkbox, Radio, Switch, Typography } from 'antd';
import { RISK_EVENT_TYPES, type RiskEventType } from '@kangyang/domain/assessment';
import { DISEASES, DISEASE_CODES, type DiseaseCode } from '@kangyang/domain/assessment-workflow';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import type { Supporting } from './use-form-draft.ts';

type Props = { value: Supporting; onChange: (next: Supporting) => void; disabled: boolean };

const COUNTS = [0, 1, 2, 3] as const;

/** §4.7 supporting data (附录A): risk events, diagnoses and coma; the scoring flags are derived from them. */
export function SupportingFields({ value, onChange, disabled }: Props) {
  const { t } = useI18n();
  const setCount = (type: RiskEventType, count: number) =>
    onChange({ ...value, riskEvents: { ...value.riskEvents, [type]: count } });
  return (
    <Card title={t('assessmentForm.supporting')} className="detail-card asm-section" id="asm-supporting">
      <Typography.Paragraph type="secondary">{t('assessmentForm.supportingHint')}</Typography.Paragraph>
      <fieldset className="asm-item">
        <legend className="asm-item__title">{t('assessmentForm.riskEvents')}</legend>
        {RISK_EVENT_TYPES.map((type) => (
          <div key={type} className="asm-count-row">
            <span className="asm-count-row__label">{t(`riskEvent.${type}`)}</span>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              disabled={disabled}
              aria-label={t(`riskEvent.${type}`)}
              value={value.riskEvents[type] ?? 0}
              onChange={(event) => setCount(type, Number(event.target.value))}
              options={COUNTS.map((count) => ({ value: count, label: count === 3 ? '≥3' : String(count) }))}
            />
          </div>
        ))}
      </fieldset>
      <fieldset className="asm-item">
        <legend className="asm-item__title">{t('assessmentForm.diseases')}</legend>
        <Checkbox.Group
          className="asm-checks"
          disabled={disabled}
          value={[...value.diseases]}
          onChange={(checked) => onChange({ ...value, diseases: checked as DiseaseCode[] })}
          options={DISEASE_CODES.map((code) => ({ value: code, label: DISEASES[code].zh }))}
        />
        {value.diseases.includes('otherMentalDisorder') && (
          <Checkbox
            className="asm-check-wide"
            disabled={disabled}
            checked={value.mentalDisorderByPsychiatrist === true}
            onChange={(event) => onChange({ ...value, mentalDisorderByPsychiatrist: event.target.checked })}
          >
            {t('assessmentForm.byPsychiatrist')}
          </Checkbox>
        )}
      </fieldset>
      <label className="asm-switch-row">
        <Switch
          disabled={disabled}
          checked={value.healthProblems.coma}
          onChange={(coma) => onChange({ ...value, healthProblems: { ...value.healthProblems, coma } })}
        />
        <span>{t('assessmentForm.coma')}</span>
      </label>
    </Card>
  );
}
