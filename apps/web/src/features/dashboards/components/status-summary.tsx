import type { IndicatorStatus } from '@kangyang/contracts/indicators';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { STATUS_ORDER, statusCounts } from './indicator-format.ts';
import { StatusTag } from './status-tag.tsx';

/** How many indicators are met, on track, at risk, missed or without data, as tags with counts. */
export function StatusSummary({
  items,
  large,
}: {
  items: readonly { status: IndicatorStatus | null }[];
  large?: boolean;
}) {
  const { t } = useI18n();
  const counts = statusCounts(items);
  return (
    <ul className={`status-summary${large ? ' status-summary--large' : ''}`} aria-label={t('indicator.summary')}>
      {STATUS_ORDER.map((kind) => (
        <li key={kind} className="status-summary__item">
          <StatusTag status={kind === 'missing' ? null : kind} large={large} />
          <span className="status-summary__count">{counts[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
