import { App, Button, Card, Col, Result, Row, Space, Spin, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { CheckOutlined, UploadOutlined } from '@ant-design/icons';
import type { RunDto, RunTotalsDto } from '@kangyang/contracts/ledger';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useApproveRun, useImportResults, useRun } from '../api/ledger-api.ts';
import { yuan } from './money.ts';
import { RunDiff } from './run-diff.tsx';
import { RegionName } from '../../../shared/region-name.tsx';

/** One run: totals by payer and region, the month's difference explained, and the next step (approve, export, results). */
export function RunDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const run = useRun(id);
  if (run.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (run.isError) return <Result status="error" title={errorText(run.error, t)} />;
  return <RunCard run={run.data} />;
}

function RunCard({ run }: { run: RunDto }) {
  const { t } = useI18n();
  const approved = run.status === 'approved';
  const title = (
    <Space wrap>
      <span>
        {t('run.detail', { region: run.regionCode, programme: t(`programme.${run.programme}`), month: run.period })}
      </span>
      <Tag color={approved ? 'green' : 'gold'} className="tag-large">
        {approved ? t('run.statusApproved') : t('run.statusComputed')}
      </Tag>
    </Space>
  );
  return (
    <Card title={title} className="detail-card run-detail">
      <Row gutter={[16, 16]} className="run-stats">
        <Col xs={12} md={6}>
          <Statistic title={t('run.lines')} value={run.entryCount} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('run.total')} value={yuan(run.totalFen)} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Paragraph className="run-results">
            {t('run.results', run.results)}
            {run.reversedFen !== 0 && (
              <div className="muted">{t('run.reversedFen', { yuan: yuan(-run.reversedFen) })}</div>
            )}
          </Typography.Paragraph>
        </Col>
      </Row>
      <RunActions run={run} />
      <RunTotals totals={run.totals} />
      <RunDiff diff={run.diff} />
    </Card>
  );
}

function RunTotals({ totals }: { totals: RunTotalsDto }) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Typography.Title level={4}>{t('run.byPayer')}</Typography.Title>
        <Table
          className="run-by-payer"
          size="small"
          pagination={false}
          rowKey="payer"
          dataSource={totals.byPayer}
          columns={[
            {
              title: t('ledger.payer'),
              dataIndex: 'payer',
              render: (payer: RunTotalsDto['byPayer'][number]['payer']) => t(`payer.${payer}`),
            },
            { title: t('run.lines'), dataIndex: 'lines', align: 'right' },
            { title: t('run.total'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
          ]}
        />
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Title level={4}>{t('run.byRegion')}</Typography.Title>
        <Table
          className="run-by-region"
          size="small"
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          rowKey="regionCode"
          dataSource={totals.byRegion}
          columns={[
            {
              title: t('run.region'),
              dataIndex: 'regionCode',
              render: (code: string) => <RegionName code={code} />,
            },
            { title: t('run.lines'), dataIndex: 'lines', align: 'right' },
            { title: t('run.total'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
          ]}
        />
      </Col>
    </Row>
  );
}

function RunActions({ run }: { run: RunDto }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const approve = useApproveRun();
  const results = useImportResults(run.id, locale);
  const approved = run.status === 'approved';
  return (
    <Space wrap className="run-actions">
      {!approved && can('ledger:approve') && (
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={approve.isPending}
          onClick={() =>
            approve.mutate(run.id, {
              onSuccess: () => void message.success(t('run.approved')),
              onError: (error) => void message.error(errorText(error, t)),
            })
          }
        >
          {t('run.approve')}
        </Button>
      )}
      {!approved && can('ledger:approve') && <span className="muted">{t('run.approveHint')}</span>}
      {approved && (
        <DownloadButton
          path={`/api/ledger/runs/${run.id}/batch.xlsx`}
          fallbackName={`batch-${run.period}.xlsx`}
          type="primary"
        >
          {t('run.download')}
        </DownloadButton>
      )}
      {approved && can('ledger:finance') && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            results.mutate(file, {
              onSuccess: (outcome) => void message.success(t('run.importDone', countsOf(outcome))),
              onError: (error) => void message.error(errorText(error, t)),
            });
          }}
        >
          <Button icon={<UploadOutlined />} loading={results.isPending} title={t('run.importHint')}>
            {t('run.importResults')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

const countsOf = (outcome: { paid: number; failed: number; reversed: number; unchanged: number }) => ({
  paid: outcome.paid,
  failed: outcome.failed,
  reversed: outcome.reversed,
  unchanged: outcome.unchanged,
});
