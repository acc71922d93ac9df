import { useNavigate } from 'react-router';
import { Alert, Button, Card, Progress, Result, Spin, Typography } from 'antd';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useImportJob, type ImportJob } from '../api/imports-api.ts';
import { ImportPreviewStep } from './import-preview-step.tsx';
import { ImportResultStep } from './import-result-step.tsx';
import { ImportSteps } from './import-steps.tsx';

/** One import job, polled while it runs; the step shown follows the job's status. */
export function ImportJobView({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const job = useImportJob(id);
  if (job.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (!job.data) {
    const missing = isApiError(job.error) && job.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('import.notFound') : t('import.loadFailed')}
        subTitle={missing ? undefined : errorText(job.error, t)}
        extra={<Button onClick={() => void navigate('/imports')}>{t('import.again')}</Button>}
      />
    );
  }
  return (
    <>
      <ImportSteps status={job.data.status} />
      {job.isError && <Alert type="warning" showIcon message={errorText(job.error, t)} className="page-alert" />}
      <JobStep job={job.data} />
    </>
  );
}

function JobStep({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  switch (job.status) {
    case 'validating':
      return <JobProgress job={job} title={t('import.validating')} />;
    case 'validated':
      return <ImportPreviewStep job={job} />;
    case 'importing':
      return <JobProgress job={job} title={t('import.importing')} />;
    case 'completed':
    case 'failed':
    case 'cancelled':
      return <ImportResultStep job={job} />;
  }
}

function JobProgress({ job, title }: { job: ImportJob; title: string }) {
  const { t } = useI18n();
  const known = job.totalRows > 0;
  const percent = known ? Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100)) : 0;
  return (
    <Card className="import-card" aria-live="polite">
      <Typography.Title level={3}>{title}</Typography.Title>
      <Progress
        percent={percent}
        status="active"
        size={{ height: 16 }}
        aria-label={title}
        format={() => (known ? `${percent}%` : '…')}
      />
      <Typography.Paragraph className="progress-counts">
        {known
          ? t('import.progressRows', { done: job.processedRows, total: job.totalRows })
          : t('import.progressStarting')}
      </Typography.Paragraph>
      {job.resumeCount > 0 && job.resumedFromRow !== null && (
        <Alert type="info" showIcon message={t('import.resumed', { row: job.resumedFromRow })} />
      )}
    </Card>
  );
}
