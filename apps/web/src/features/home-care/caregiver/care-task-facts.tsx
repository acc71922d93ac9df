import { Tag } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { timeWindow, type CareTask, type Progress } from './care-model.ts';

const clock = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });

/** Who, what, when and where (the address is shown for the visit only). */
export function TaskFacts({ task }: { task: CareTask }) {
  const { t, locale } = useI18n();
  return (
    <section className="care-section">
      <dl className="care-facts">
        <dt>{t('care.elder')}</dt>
        <dd className="care-elder-name">{task.elderName}</dd>
        <dt>{t('care.service')}</dt>
        <dd>
          {locale === 'en-US' ? task.serviceNameEn : task.serviceName}
          {task.urgency === 'urgent' && (
            <Tag color="red" className="tag-large task-card__urgent">
              {t('care.urgent')}
            </Tag>
          )}
        </dd>
        <dt>{t('care.window')}</dt>
        <dd>{timeWindow(task.scheduledFor ?? task.dueAt, task.durationMinutes, locale)}</dd>
        <dt>{t('care.duration')}</dt>
        <dd>{t('care.minutes', { count: task.durationMinutes })}</dd>
        {task.address && (
          <>
            <dt>{t('care.address')}</dt>
            <dd>{task.address}</dd>
          </>
        )}
        {task.elderPhone && (
          <>
            <dt>{t('care.phone')}</dt>
            <dd className="identifier">{task.elderPhone}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Checked in / out at hh:mm, and whether the phone still holds it. */
export function StatusLine({ progress }: { progress: Progress }) {
  const { t, locale } = useI18n();
  const suffix = progress.unsent ? ` ${t('care.waitingUpload')}` : '';
  if (progress.state === 'offered') return <div className="care-status care-status--warn">{t('care.offered')}</div>;
  if (progress.state === 'declined')
    return <div className="care-status care-status--warn">{t('care.visitState.declined')}</div>;
  if (!progress.checkedInAt) return <div className="care-status care-status--warn">{t('care.notCheckedIn')}</div>;
  const text = progress.checkedOutAt
    ? t('care.checkedOutAt', { time: clock(progress.checkedOutAt, locale) })
    : t('care.checkedInAt', { time: clock(progress.checkedInAt, locale) });
  return (
    <div className="care-status care-status--ok" role="status">
      {text}
      {suffix}
    </div>
  );
}
