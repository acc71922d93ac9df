import { Space, Tag } from 'antd';
import type { MessageKey, Translate } from '../../../shared/i18n/i18n-context.tsx';

/** Translated designation name (`designation.<name>`). */
export const designationLabel = (t: Translate, name: string): string => t(`designation.${name}` as MessageKey);

/** "120 / 70 / 80" of total, nursing-type and occupied beds, or a dash. */
export function bedsText(beds: { bedsTotal: number | null; nursingBeds: number | null; occupiedBeds: number | null }) {
  const part = (value: number | null) => (value === null ? '—' : String(value));
  if (beds.bedsTotal === null) return '—';
  return `${part(beds.bedsTotal)} / ${part(beds.nursingBeds)} / ${part(beds.occupiedBeds)}`;
}

export function DesignationTags({ names, t }: { names: readonly string[]; t: Translate }) {
  if (names.length === 0) return <>{t('common.none')}</>;
  return (
    <Space wrap size={4}>
      {names.map((name) => (
        <Tag key={name} color="gold" className="facility-tag">
          {designationLabel(t, name)}
        </Tag>
      ))}
    </Space>
  );
}
