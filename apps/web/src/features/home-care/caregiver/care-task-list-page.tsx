import { Link } from 'react-router';
import { Alert, Button, Spin, Tag } from 'antd';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSavedAnswerTime } from '../../../shared/offline-copy.ts';
import { useSession } from '../../../shared/session-context.ts';
import { MY_TASKS_PATH, useCareTasks } from '../api/care-api.ts';
import { maskAddress, progressOf, timeWindow, type CareTask, type Progress } from './care-model.ts';
import { useOutbox } from './outbox-context.tsx';
import { clock } from './sync-bar.tsx';

const STATE_COLOR: Readonly<Record<Progress['state'], string>> = {
  offered: 'warning',
  declined: 'default',
  pending: 'default',
  inProgress: 'processing',
  done: 'success',
};

function TaskCard({ task, progress }: { task: CareTask; progress: Progress }) {
  const { t, locale } = useI18n();
  const start = task.scheduledFor ?? task.dueAt;
  return (
    <Link
      to={`/care/tasks/${encodeURIComponent(task.orderId)}`}
      className={`task-card task-card--${progress.state === 'done' ? 'done' : progress.state === 'inProgress' ? 'active' : 'todo'}`}
    >
      <div className="task-card__head">
        <span className="task-card__elder">{task.elderName}</span>
        <span className="task-card__time">{timeWindow(start, task.durationMinutes, locale)}</span>
      </div>
      <div className="task-card__line">
        {locale === 'en-US' ? task.serviceNameEn : task.serviceName}
        {task.urgency === 'urgent' && (
          <Tag color="red" className="tag-large task-card__urgent">
            {t('care.urgent')}
          </Tag>
        )}
      </div>
      {task.address && <div className="task-card__line">{maskAddress(task.address)}</div>}
      <div className="task-card__line">
        <Tag color={STATE_COLOR[progress.state]} className="tag-large">
          {t(`care.visitState.${progress.state}`)}
        </Tag>
        {progress.unsent && <span className="muted">{t('care.waitingUpload')}</span>}
      </div>
    </Link>
  );
}

/** Today's visits, in time order (POR-4): elder, service, masked address, time window, progress. */
export function CareTaskListPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const tasks = useCareTasks(me.id);
  // answered by the service worker from the copy saved on this phone (no signal)
  const savedAt = useSavedAnswerTime(MY_TASKS_PATH);
  const { queue } = useOutbox();
  const queued = queue.items();
  if (tasks.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (!tasks.data)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('care.loadFailed')}
        description={errorText(tasks.error, t)}
        action={<Button onClick={() => void tasks.refetch()}>{t('common.retry')}</Button>}
      />
    );
  return (
    <section aria-labelledby="care-list-title">
      <h2 id="care-list-title">{t('care.title')}</h2>
      {savedAt ? (
        <Alert
          type="warning"
          showIcon
          message={t('care.offlineSavedAt', { time: clock(savedAt, locale) })}
          className="page-alert care-offline-notice"
        />
      ) : (
        tasks.isError && <Alert type="warning" showIcon message={t('care.cached')} className="page-alert" />
      )}
      {tasks.data.items.length === 0 ? (
        <p className="care-section">{t('care.noTasks')}</p>
      ) : (
        <ul className="task-list">
          {tasks.data.items.map((task) => (
            <li key={task.orderId}>
              <TaskCard task={task} progress={progressOf(task, queued)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
