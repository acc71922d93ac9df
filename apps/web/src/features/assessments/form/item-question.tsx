import { memo } from 'react';
import { Radio, Typography } from 'antd';
import type { ItemDefinition, Label } from '@kangyang/domain/assessment';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

/** Chinese first (the standard's wording); in en-US the English gloss follows. */
export function Bilingual({ label, strong }: { label: Label; strong?: boolean }) {
  const { locale } = useI18n();
  return (
    <>
      <Typography.Text strong={strong}>{label.zh}</Typography.Text>
      {locale === 'en-US' && label.en !== label.zh && (
        <Typography.Text type="secondary" className="asm-gloss">
          {label.en}
        </Typography.Text>
      )}
    </>
  );
}

type Props = {
  item: ItemDefinition;
  index: number;
  value: number | undefined;
  onChange: (code: string, points: number) => void;
};

/** One item: its options as full-width touch targets (≥ 48 px), points on the left. */
export const ItemQuestion = memo(function ItemQuestion({ item, index, value, onChange }: Props) {
  const { t } = useI18n();
  const titleId = `asm-item-${item.code.replace('.', '-')}`;
  return (
    <fieldset className={value === undefined ? 'asm-item' : 'asm-item asm-item--done'} data-item={item.code}>
      <legend id={titleId} className="asm-item__title">
        <span className="asm-item__no">{index}</span>
        <Bilingual label={item.name} strong />
      </legend>
      <Radio.Group
        className="asm-options"
        aria-labelledby={titleId}
        value={value}
        onChange={(event) => onChange(item.code, Number(event.target.value))}
      >
        {item.options.map((option) => (
          <Radio key={option.points} value={option.points} className="asm-option">
            <span className="asm-option__points">{t('assessmentForm.points', { points: option.points })}</span>
            <span className="asm-option__text">
              <Bilingual label={option.label} />
            </span>
          </Radio>
        ))}
      </Radio.Group>
    </fieldset>
  );
});
