import type { IndicatorStatus, IndicatorTargetDto } from '@kangyang/contracts/indicators';
import type { Unit } from '@kangyang/contracts/profile-indicators';
import type { MessageKey, Translate } from '../../../shared/i18n/i18n-context.tsx';
import { targetText, valueText } from '../../profiles/components/target-text.ts';
import type { TargetView } from '../../profiles/api/profiles-api.ts';

/** A status, or `missing` when the value has no data source yet (KPI-10). */
export type StatusKind = IndicatorStatus | 'missing';

export type StatusView = {
  kind: StatusKind;
  label: MessageKey;
  /** antd Tag colour; never the only signal: the label and the icon say the same. */
  color: 'success' | 'processing' | 'warning' | 'error' | 'default';
};

const VIEWS: Readonly<Record<StatusKind, StatusView>> = {
  met: { kind: 'met', label: 'indicatorStatus.met', color: 'success' },
  on_track: { kind: 'on_track', label: 'indicatorStatus.on_track', color: 'processing' },
  at_risk: { kind: 'at_risk', label: 'indicatorStatus.at_risk', color: 'warning' },
  missed: { kind: 'missed', label: 'indicatorStatus.missed', color: 'error' },
  missing: { kind: 'missing', label: 'indicatorStatus.missing', color: 'default' },
};

export const STATUS_ORDER: readonly StatusKind[] = ['met', 'on_track', 'at_risk', 'missed', 'missing'];

export function statusView(status: IndicatorStatus | null): StatusView {
  return VIEWS[status ?? 'missing'];
}

/** A value in the indicator's unit, or the "data source missing" words for null. */
export function indicatorValueText(value: number | null, unit: Unit, t: Translate): string {
  if (value === null) return t('indicator.missingSource');
  if (unit === 'perN') return valueText({ per: value }, unit, t);
  if (unit === 'count') return value.toLocaleString('en-US');
  return valueText(value, unit, t);
}

/** The target judged against, in words ("2025 年：≥ 55%"). */
export function indicatorTargetText(target: IndicatorTargetDto, t: Translate): string {
  const view: TargetView = {
    op: target.op,
    value: target.unit === 'perN' ? { per: target.value } : target.value,
    unit: target.unit,
    ...(target.year === null ? {} : { year: target.year }),
    ...(target.max === null ? {} : { max: target.max }),
    ...(target.part === null ? {} : { part: target.part }),
    ...(target.recurrence === null ? {} : { recurrence: target.recurrence }),
  };
  return targetText(view, t);
}

/** How many indicators have each status (missing counted apart). */
export function statusCounts(items: readonly { status: IndicatorStatus | null }[]): Record<StatusKind, number> {
  const counts: Record<StatusKind, number> = { met: 0, on_track: 0, at_risk: 0, missed: 0, missing: 0 };
  for (const item of items) counts[item.status ?? 'missing'] += 1;
  return counts;
}

/** A timestamp in the user's language, minutes precision; `never` when it is null. */
export function refreshedText(iso: string | null, locale: string, t: Translate): string {
  if (!iso) return t('indicator.neverRefreshed');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Fen as yuan with thousands separators ("12,345.60"). */
export function yuanText(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}
