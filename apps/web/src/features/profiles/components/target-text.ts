import type { Translate } from '../../../shared/i18n/i18n-context.tsx';
import type { TargetView } from '../api/profiles-api.ts';

const OPS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '=': '=', about: '≈' };

/** A value in its unit: basis points as %, fen as yuan, "1 per N" as 1:N. */
export function valueText(value: TargetView['value'], unit: string, t: Translate): string {
  if (typeof value === 'object') return t('unit.perN', { n: value.per });
  if (unit === 'basisPoints') return `${(value / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  if (unit === 'fen') return t('unit.yuan', { value: (value / 100).toLocaleString('en-US') });
  if (unit === 'perTenThousand') return t('unit.perTenThousand', { value });
  if (unit === 'squareMetresPer100Households') return t('unit.squareMetresPer100Households', { value });
  return String(value);
}

/** One target in words, e.g. "2022 年：≥ 100%" (zh) (POL-2 viewer). */
export function targetText(target: TargetView, t: Translate): string {
  const when = target.year === undefined ? t('target.everyYear') : t('target.year', { year: target.year });
  const part = target.part ? `${target.part} ` : '';
  const value = valueText(target.value, target.unit, t);
  if (target.op === 'between' && target.max !== undefined)
    return t('target.line', { when, goal: `${part}${value} – ${valueText(target.max, target.unit, t)}` });
  if (target.op === 'up') return t('target.line', { when, goal: `${part}${t('target.up', { value })}` });
  return t('target.line', { when, goal: `${part}${OPS[target.op] ?? target.op} ${value}` });
}
