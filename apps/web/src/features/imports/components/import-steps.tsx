import { Grid, Steps } from 'antd';
import type { ImportStatus } from '@kangyang/contracts/import';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

const STEP_OF: Readonly<Record<ImportStatus, number>> = {
  validating: 1,
  validated: 2,
  importing: 3,
  completed: 4,
  failed: 4,
  cancelled: 4,
};

export function ImportSteps({ status }: { status: ImportStatus | undefined }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const current = status ? STEP_OF[status] : 0;
  return (
    <Steps
      className="import-steps"
      current={current}
      status={status === 'failed' ? 'error' : undefined}
      direction={screens.md ? 'horizontal' : 'vertical'}
      size="small"
      items={[
        { title: t('import.stepUpload') },
        { title: t('import.stepValidate') },
        { title: t('import.stepPreview') },
        { title: t('import.stepImport') },
        { title: t('import.stepResult') },
      ]}
    />
  );
}
