import { useNavigate } from 'react-router';
import { Button, Card, Result, Space, Statistic } from 'antd';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { errorReportPath, type ImportJob } from '../api/imports-api.ts';

/** What the import did: new elders, rows already registered (re-imports add nothing), bad rows. */
export function ImportResultStep({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const status = job.status === 'completed' ? (job.invalidRows > 0 ? 'warning' : 'success') : 'error';
  const title =
    job.status === 'completed'
      ? t('import.completed')
      : job.status === 'cancelled'
        ? t('import.cancelled')
        : t('import.failed');
  return (
    <Card className="import-card">
      <Result
        status={status}
        title={title}
        subTitle={job.failure ?? undefined}
        extra={
          <Space wrap className="result-actions">
            {job.invalidRows > 0 && (
              <DownloadButton path={errorReportPath(job.id)} fallbackName="import-errors.xlsx" type="primary">
                {t('import.errorReport')}
              </DownloadButton>
            )}
            <Button onClick={() => void navigate('/elders')}>{t('import.viewElders')}</Button>
            <Button onClick={() => void navigate('/imports')}>{t('import.again')}</Button>
          </Space>
        }
      >
        <div className="stat-row">
          <Statistic title={t('import.insertedRows')} value={job.insertedRows} />
          <Statistic title={t('import.existingRows')} value={job.existingRows} />
          <Statistic title={t('import.invalidRows')} value={job.invalidRows} />
        </div>
      </Result>
    </Card>
  );
}
