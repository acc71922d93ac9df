import { useState } from 'react';
import { Alert, Button, Card, List, Radio, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { ImportMode, ImportPreviewRow } from '@kangyang/contracts/import';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { errorReportPath, useConfirmImport, type ImportJob } from '../api/imports-api.ts';

const FIELD_LABELS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['name', 'elder.name'],
  ['idNumber', 'elder.idNumber'],
  ['phone', 'elder.phone'],
  ['hukouRegionCode', 'elder.hukouRegion'],
  ['residenceRegionCode', 'elder.residenceRegion'],
  ['address', 'elder.address'],
  ['location.lng', 'elder.lng'],
  ['location.lat', 'elder.lat'],
  ['livingSituation', 'elder.livingSituation'],
  ['categories', 'elder.categories'],
  ['contacts[0].name', 'contact.name'],
  ['contacts[0].relation', 'contact.relation'],
  ['contacts[0].phone', 'contact.phone'],
]);

/** The column an error names, in the user's words (the server names the API field). */
const fieldLabel = (field: string, t: Translate) => {
  const key = FIELD_LABELS.get(field);
  return key ? t(key) : field;
};

/** The masked preview, the error summary and the user's choice: all or nothing, or valid rows only. */
export function ImportPreviewStep({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const confirm = useConfirmImport(job.id);
  const [mode, setMode] = useState<ImportMode>(job.invalidRows > 0 ? 'validRowsOnly' : 'allOrNothing');
  const valid = Math.max(0, job.totalRows - job.invalidRows);
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Card className="import-card">
        <div className="stat-row">
          <Statistic title={t('import.totalRows')} value={job.totalRows} />
          <Statistic title={t('import.validRows')} value={valid} valueStyle={{ color: '#135200' }} />
          <Statistic
            title={t('import.invalidRows')}
            value={job.invalidRows}
            valueStyle={{ color: job.invalidRows ? '#a8071a' : undefined }}
          />
        </div>
        {job.invalidRows > 0 && <ErrorSummary job={job} />}
      </Card>
      <PreviewTable rows={job.preview ?? []} />
      <Card className="import-card" title={t('import.chooseMode')}>
        <Radio.Group
          value={mode}
          onChange={(event) => setMode(event.target.value === 'validRowsOnly' ? 'validRowsOnly' : 'allOrNothing')}
          className="mode-choice"
        >
          <Radio value="allOrNothing" className="mode-choice__option">
            <strong>{t('import.modeAllOrNothing')}</strong>
            <div className="muted">{t('import.modeAllOrNothingHint')}</div>
          </Radio>
          <Radio value="validRowsOnly" className="mode-choice__option">
            <strong>{t('import.modeValidRowsOnly')}</strong>
            <div className="muted">{t('import.modeValidRowsOnlyHint', { count: valid })}</div>
          </Radio>
        </Radio.Group>
        {confirm.isError && (
          <Alert type="error" showIcon role="alert" message={errorText(confirm.error, t)} className="page-alert" />
        )}
        <div className="form-actions">
          <Button
            type="primary"
            size="large"
            loading={confirm.isPending}
            onClick={() => confirm.mutate(mode)}
            disabled={valid === 0}
          >
            {t('import.confirm')}
          </Button>
        </div>
      </Card>
    </Space>
  );
}

function ErrorSummary({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const sample =
    job.errorsSample ??
    (job.preview ?? []).flatMap((row) => row.errors.map((error) => ({ rowNumber: row.rowNumber, ...error })));
  return (
    <div className="error-summary">
      <Typography.Title level={4}>{t('import.errorsTitle')}</Typography.Title>
      <List
        size="small"
        dataSource={sample.slice(0, 20)}
        renderItem={(error) => (
          <List.Item>
            {t('import.errorLine', { row: error.rowNumber, field: fieldLabel(error.field, t), message: error.message })}
          </List.Item>
        )}
      />
      {sample.length > 20 && <Typography.Text className="muted">{t('import.errorsMore')}</Typography.Text>}
      <DownloadButton path={errorReportPath(job.id)} fallbackName="import-errors.xlsx">
        {t('import.errorReport')}
      </DownloadButton>
    </div>
  );
}

function PreviewTable({ rows }: { rows: readonly ImportPreviewRow[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ImportPreviewRow> = [
    { title: t('import.row'), dataIndex: 'rowNumber', width: 72 },
    { title: t('elder.name'), dataIndex: 'name' },
    {
      title: t('elder.idNumber'),
      dataIndex: 'idNumber',
      render: (value: string) => <span className="identifier">{value}</span>,
    },
    {
      title: t('elder.phone'),
      dataIndex: 'phone',
      render: (value: string | null) => <span className="identifier">{value ?? ''}</span>,
    },
    { title: t('elder.residenceRegion'), dataIndex: 'residenceRegionCode' },
    { title: t('elder.livingSituation'), dataIndex: 'livingSituation' },
    { title: t('elder.categories'), dataIndex: 'categories', render: (value: string[]) => value.join('、') },
    {
      title: t('import.rowErrors'),
      dataIndex: 'errors',
      render: (errors: ImportPreviewRow['errors']) => (
        <div className="row-errors">
          {errors.length === 0
            ? t('import.rowOk')
            : errors.map((error) => `${fieldLabel(error.field, t)}：${error.message}`).join('；')}
        </div>
      ),
    },
  ];
  return (
    <Card className="import-card" title={t('import.preview')}>
      <Table<ImportPreviewRow>
        rowKey="rowNumber"
        size="middle"
        columns={columns}
        dataSource={[...rows]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.errors.length > 0 ? 'row-invalid' : '')}
      />
    </Card>
  );
}
