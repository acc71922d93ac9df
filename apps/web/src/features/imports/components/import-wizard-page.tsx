import { useParams } from 'react-router';
import { Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { ImportJobView } from './import-job-view.tsx';
import { ImportSteps } from './import-steps.tsx';
import { ImportUploadStep } from './import-upload-step.tsx';

/**
 * REG-6 import wizard: upload → validation → preview and error summary with the mode choice →
 * import → result. The job id is in the address, so a reload (or another tab) picks the job up again.
 */
export function ImportWizardPage() {
  const { t } = useI18n();
  const { id } = useParams();
  return (
    <section className="page" aria-labelledby="import-title">
      <Typography.Title level={2} id="import-title" className="page-title">
        {t('import.title')}
      </Typography.Title>
      {id ? (
        <ImportJobView key={id} id={id} />
      ) : (
        <>
          <ImportSteps status={undefined} />
          <ImportUploadStep />
        </>
      )}
    </section>
  );
}
