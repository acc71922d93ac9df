import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { TEMPLATE_PATH, useUploadElderFile } from '../api/imports-api.ts';

const MAX_BYTES = 100 * 1024 * 1024; // API-2: uploads up to 100 MiB
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function ImportUploadStep() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { regionCode, regionName } = useRegionScope();
  const upload = useUploadElderFile();
  const [tooLarge, setTooLarge] = useState(false);

  const send = (file: File) => {
    setTooLarge(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return;
    upload.mutate({ file, regionCode }, { onSuccess: (job) => void navigate(`/imports/${job.id}`) });
  };

  return (
    <Card className="import-card">
      <Space direction="vertical" size="middle" className="full-width">
        <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
        <DownloadButton path={TEMPLATE_PATH} fallbackName="elder-import-template.xlsx">
          {t('import.template')}
        </DownloadButton>
        <Alert type="info" showIcon message={t('import.scope', { region: regionName ?? t('region.allInScope') })} />
        {tooLarge && <Alert type="error" showIcon role="alert" message={t('import.tooLarge')} />}
        {upload.isError && <Alert type="error" showIcon role="alert" message={errorText(upload.error, t)} />}
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
          className="import-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{upload.isPending ? t('import.uploading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </Space>
    </Card>
  );
}
