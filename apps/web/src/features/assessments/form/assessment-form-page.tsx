import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CloudSyncOutlined } from '@ant-design/icons';
import type { AssessmentDto } from '@kangyang/contracts/assessment-workflow';
import { INSTRUMENTS, INSTRUMENT_CODES, itemsOf } from '@kangyang/domain/assessment';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useTask, useTaskStep } from '../api/tasks-api.ts';
import { formatTime } from '../components/format-time.ts';
import { TaskSummary } from '../review/task-summary.tsx';
import { clearDraft } from './draft-store.ts';
import { ItemQuestion } from './item-question.tsx';
import { ScorePreviewCard } from './score-preview-card.tsx';
import { SignaturePanel } from './signature-panel.tsx';
import { SupportingFields } from './supporting-fields.tsx';
import { useFormDraft, type SyncState } from './use-form-draft.ts';
import { useScorePreview } from './use-score-preview.ts';
import '../components/assessments.css';

const SYNC_COLOR: Record<SyncState, string> = {
  synced: 'green',
  local: 'blue',
  saving: 'blue',
  offline: 'orange',
  failed: 'red',
};

/** Items numbered 1… through each instrument, as on the paper form. */
const ITEM_NUMBERS = new Map(
  INSTRUMENT_CODES.flatMap((code) =>
    itemsOf(INSTRUMENTS[code]).map((item, index) => [`${code}:${item.code}`, index + 1] as const),
  ),
);

/** ASM-4: the assessor's tablet form of one task; other states show the task read-only. */
export function AssessmentFormPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const task = useTask(id);
  if (task.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (task.isError) {
    const missing = isApiError(task.error) && task.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('assessmentTask.notFound') : t('assessmentTask.loadFailed')}
        subTitle={errorText(task.error, t)}
        extra={<Button onClick={() => void navigate('/assessments')}>{t('assessmentTask.backToList')}</Button>}
      />
    );
  }
  const editable = task.data.state === 'draft' && task.data.actions.includes('saveAnswers');
  return editable ? <EditableForm key={task.data.id} task={task.data} /> : <ReadOnlyTask task={task.data} />;
}

function TaskHeader({ task, extra }: { task: AssessmentDto; extra?: React.ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <div className="page-header">
        <Typography.Title level={2} id="asm-form-title" className="page-title">
          {t('assessmentForm.title', { name: task.elder.name })}
        </Typography.Title>
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/assessments')}>
          {t('assessmentTask.backToList')}
        </Button>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3, xxl: 4 }} className="asm-task-facts">
        <Descriptions.Item label={t('assessmentTask.elder')}>
          {task.elder.name}（{t('assessmentTask.age', { age: task.elder.age })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.instrument')}>{t(`instrument.${task.instrument}`)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.reason')}>{t(`assessmentReason.${task.reason}`)}</Descriptions.Item>
        <Descriptions.Item label={t('assessmentTask.dueDate')}>{task.dueDate}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.state')}>
          <Tag>{t(`assessmentState.${task.state}`)}</Tag>
          {extra}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

// eslint-disable-next-line max-lines-per-function -- the form page composes its sections and wires their steps
function EditableForm({ task }: { task: AssessmentDto }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const draft = useFormDraft(task);
  const step = useTaskStep(task.id);
  const definition = INSTRUMENTS[task.instrument];
  const preview = useScorePreview(definition, draft.answers, draft.supporting);
  const { answers, change } = draft;
  const answer = useCallback(
    (code: string, points: number) => change({ answers: { ...answers, [code]: points } }),
    [answers, change],
  );
  const run = (name: 'sign' | 'submit') =>
    step.mutate(
      { version: task.version, step: name },
      {
        onSuccess: () => {
          if (name !== 'submit') return void message.success(t('assessmentForm.signed'));
          clearDraft(task.id);
          void message.success(t('assessmentForm.submitted'));
          void navigate('/assessments');
        },
        onError: (error) => void message.error(errorText(error, t)),
      },
    );
  const syncTag = (
    <Tag color={SYNC_COLOR[draft.sync]} icon={<CloudSyncOutlined />} data-testid="sync-state">
      {t(`assessmentForm.sync.${draft.sync}`)}
    </Tag>
  );
  return (
    <section className="page asm-form" aria-labelledby="asm-form-title">
      <TaskHeader task={task} extra={syncTag} />
      {draft.restored && draft.sync !== 'synced' && (
        <Alert
          type="info"
          showIcon
          message={t('assessmentForm.restored', { at: formatTime(draft.restored.changedAt) })}
        />
      )}
      {task.returnReason && (
        <Alert type="warning" showIcon message={t('assessmentTask.returnedWith', { reason: task.returnReason })} />
      )}
      {draft.sync === 'offline' && <Alert type="warning" showIcon message={t('assessmentForm.offline')} />}
      {draft.sync === 'failed' && <Alert type="error" showIcon message={errorText(draft.error, t)} />}
      <div className="asm-layout">
        <div className="asm-main">
          {definition.domains.map((domain) => (
            <Card key={domain.code} title={domain.name.zh} className="detail-card asm-section">
              {domain.items.map((item) => (
                <ItemQuestion
                  key={item.code}
                  item={item}
                  index={ITEM_NUMBERS.get(`${task.instrument}:${item.code}`) ?? 0}
                  value={answers[item.code]}
                  onChange={answer}
                />
              ))}
            </Card>
          ))}
          <SupportingFields
            value={draft.supporting}
            onChange={(supporting) => change({ supporting })}
            disabled={false}
          />
          <SignaturePanel
            task={task}
            unsaved={draft.sync !== 'synced'}
            complete={preview.kind !== 'incomplete'}
            busy={step.isPending}
            onSign={() => run('sign')}
            onSubmit={() => run('submit')}
          />
        </div>
        <aside className="asm-side">
          <ScorePreviewCard definition={definition} preview={preview} />
          <Button
            size="large"
            block
            icon={<CloudSyncOutlined />}
            loading={draft.sync === 'saving'}
            disabled={draft.sync === 'synced'}
            onClick={() => void draft.saveNow()}
          >
            {t('assessmentForm.saveNow')}
          </Button>
        </aside>
      </div>
    </section>
  );
}

function ReadOnlyTask({ task }: { task: AssessmentDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.id);
  return (
    <section className="page asm-form" aria-labelledby="asm-form-title">
      <TaskHeader task={task} />
      {task.state === 'returned' && task.actions.includes('reopen') && (
        <Alert
          type="warning"
          showIcon
          message={t('assessmentTask.returnedWith', { reason: task.returnReason ?? '' })}
          action={
            <Button
              size="large"
              loading={step.isPending}
              onClick={() =>
                step.mutate(
                  { version: task.version, step: 'reopen' },
                  { onError: (error) => void message.error(errorText(error, t)) },
                )
              }
            >
              {t('assessmentTask.reopen')}
            </Button>
          }
        />
      )}
      <TaskSummary task={task} />
    </section>
  );
}
