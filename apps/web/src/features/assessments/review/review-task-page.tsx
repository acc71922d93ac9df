import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Input, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { AssessmentDto } from '@kangyang/contracts/assessment-workflow';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useTask, useTaskStep } from '../api/tasks-api.ts';
import { TaskSummary } from './task-summary.tsx';

/** ASM-5: the district reviewer approves the submitted assessment, or returns it with a reason. */
export function ReviewTaskPage() {
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
      />
    );
  }
  return (
    <section className="page" aria-labelledby="asm-review-task-title">
      <div className="page-header">
        <Typography.Title level={2} id="asm-review-task-title" className="page-title">
          {t('assessmentReview.title', { name: task.data.elder.name })}
        </Typography.Title>
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/assessment-review')}>
          {t('assessmentTask.backToList')}
        </Button>
      </div>
      <Typography.Paragraph>
        {t(`instrument.${task.data.instrument}`)} · {task.data.instrumentVersion} · {task.data.agency.name} ·{' '}
        {t(`assessmentState.${task.data.state}`)}
      </Typography.Paragraph>
      <ReviewActions task={task.data} />
      <TaskSummary task={task.data} />
    </section>
  );
}

function ReviewActions({ task }: { task: AssessmentDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(task.id);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  if (!task.actions.includes('approve') && !task.actions.includes('return')) {
    return task.state === 'submitted' ? <Alert type="info" showIcon message={t('assessmentReview.notYours')} /> : null;
  }
  const done = (text: string) => ({
    onSuccess: () => void message.success(text),
    onError: (error: unknown) => void message.error(errorText(error, t)),
  });
  const sendBack = () => {
    if (!reason.trim()) return setReasonMissing(true);
    step.mutate({ version: task.version, step: 'return', reason: reason.trim() }, done(t('assessmentReview.returned')));
  };
  return (
    <Card title={t('assessmentReview.decision')} className="detail-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button
          size="large"
          type="primary"
          icon={<CheckOutlined />}
          loading={step.isPending}
          onClick={() => step.mutate({ version: task.version, step: 'approve' }, done(t('assessmentReview.approved')))}
        >
          {t('assessmentReview.approve')}
        </Button>
        <label htmlFor="return-reason">{t('assessmentReview.reason')}</label>
        <Input.TextArea
          id="return-reason"
          rows={3}
          maxLength={500}
          value={reason}
          status={reasonMissing ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonMissing(false);
          }}
        />
        {reasonMissing && (
          <div className="field-error" role="alert">
            {t('assessmentReview.reasonRequired')}
          </div>
        )}
        <Button size="large" danger icon={<RollbackOutlined />} loading={step.isPending} onClick={sendBack}>
          {t('assessmentReview.return')}
        </Button>
      </Space>
    </Card>
  );
}
