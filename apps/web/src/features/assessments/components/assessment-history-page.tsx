import { lazy, Suspense, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Result, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { trendOf, useAssessmentHistory, type HistoryItem } from '../api/assessments-api.ts';

const LevelTrendChart = lazy(async () => ({
  default: (await import('./level-trend-chart.tsx')).LevelTrendChart,
}));

const levelNames = (t: Translate) => [t('level.0'), t('level.1'), t('level.2'), t('level.3'), t('level.4')];

/** ASM-6: the elder's assessment history and a small trend of the final level. */
export function AssessmentHistoryPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const history = useAssessmentHistory(id);
  const levels = useMemo(() => levelNames(t), [t]);
  const points = useMemo(() => trendOf(history.data?.items ?? []), [history.data]);
  if (history.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (history.isError) {
    const missing = isApiError(history.error) && history.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('elder.notFoundTitle') : t('assessment.loadFailed')}
        subTitle={missing ? t('elder.notFoundText') : errorText(history.error, t)}
      />
    );
  }
  return (
    <section className="page" aria-labelledby="assessments-title">
      <div className="page-header">
        <Typography.Title level={2} id="assessments-title" className="page-title">
          {t('assessment.historyTitle')}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/elders/${id}`)}>
          {t('eligibility.backToElder')}
        </Button>
      </div>
      <Card title={t('assessment.trend')} className="detail-card">
        {points.length === 0 ? (
          <Typography.Text type="secondary">{t('assessment.noTrend')}</Typography.Text>
        ) : (
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <LevelTrendChart points={points} levels={levels} label={t('assessment.trend')} />
          </Suspense>
        )}
      </Card>
      <Card title={t('assessment.history')} className="detail-card">
        <HistoryTable items={history.data.items} levels={levels} />
      </Card>
    </section>
  );
}

function HistoryTable({ items, levels }: { items: HistoryItem[]; levels: string[] }) {
  const { t } = useI18n();
  const rows = [...items].sort((a, b) => (b.assessmentDate ?? '9999').localeCompare(a.assessmentDate ?? '9999'));
  return (
    <Table<HistoryItem>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('assessment.none') }}
      columns={historyColumns(t, levels)}
    />
  );
}

/** The columns of the history: date, instrument, reason, state, total, level, validity and the PDF report. */
function historyColumns(t: Translate, levels: string[]): TableColumnsType<HistoryItem> {
  return [
    { title: t('assessment.date'), dataIndex: 'assessmentDate', render: (date: string | null) => date ?? '—' },
    {
      title: t('assessment.instrument'),
      dataIndex: 'instrument',
      render: (code: HistoryItem['instrument']) => t(`instrument.${code}`),
    },
    {
      title: t('assessment.reason'),
      dataIndex: 'reason',
      render: (reason: HistoryItem['reason']) => t(`assessmentReason.${reason}`),
    },
    {
      title: t('assessment.state'),
      key: 'state',
      render: (_, row) => (
        <>
          <Tag color={row.state === 'approved' ? 'green' : undefined}>{t(`assessmentState.${row.state}`)}</Tag>
          {row.provisional && <Tag color="orange">{t('assessment.provisional')}</Tag>}
        </>
      ),
    },
    { title: t('assessment.total'), dataIndex: 'total', render: (total: number | null) => total ?? '—' },
    {
      title: t('assessment.finalLevel'),
      key: 'level',
      render: (_, row) =>
        row.finalLevelOrdinal === null ? (row.finalLevel ?? '—') : (levels[row.finalLevelOrdinal] ?? row.finalLevel),
    },
    { title: t('assessment.validUntil'), dataIndex: 'validUntil', render: (date: string | null) => date ?? '—' },
    {
      title: t('assessment.report'),
      key: 'report',
      render: (_, row) =>
        row.state === 'approved' || row.state === 'superseded' ? (
          <DownloadButton
            path={`/api/assessments/${encodeURIComponent(row.id)}/report.pdf`}
            fallbackName={`assessment-${row.assessmentDate ?? row.id}.pdf`}
          >
            PDF
          </DownloadButton>
        ) : (
          '—'
        ),
    },
  ];
}
