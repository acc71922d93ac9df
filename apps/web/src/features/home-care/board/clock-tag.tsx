import { Tag } from 'antd';
import type { ClockStatus, ResponseClock } from '@kangyang/contracts/home-care';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

const COLOR: Readonly<Record<ClockStatus, string>> = {
  onTime: 'blue',
  atRisk: 'orange',
  breached: 'red',
  met: 'green',
  late: 'volcano',
};

/** The 30-minute clock (HCS-5): on time / at risk / breached, then met or late once arrived. */
export function ClockTag({ clock }: { clock: ResponseClock }) {
  const { t } = useI18n();
  // as of the server's answer (the board refreshes every 30 s)
  const left = clock.targetMinutes - clock.elapsedMinutes;
  const detail =
    clock.arrivedAt === null
      ? left >= 0
        ? t('orders.minutesLeft', { count: left })
        : t('orders.minutesOver', { count: -left })
      : t('orders.elapsed', { count: clock.elapsedMinutes });
  return (
    <Tag color={COLOR[clock.status]} className={`tag-large clock-tag clock-tag--${clock.status}`}>
      {t(`orders.clockStatus.${clock.status}`)} · {detail}
    </Tag>
  );
}
