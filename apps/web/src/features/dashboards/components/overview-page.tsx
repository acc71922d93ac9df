import '../dashboards.css';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { DesktopOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { RegionOverview } from '@kangyang/contracts/indicators';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useDashboardRegion, useOverviewTrend, useRegionOverview } from '../api/dashboards-api.ts';
import { refreshedText } from './indicator-format.ts';
import { AlertList, ChildRegionTable, OverviewCharts, OverviewFigures } from './overview-parts.tsx';
import { OverviewTrendChart } from './overview-trend.tsx';

/** KPI-6: the region overview with charts; the region is the one chosen in the top bar. */
export function OverviewPage() {
  const { t } = useI18n();
  const region = useDashboardRegion();
  const overview = useRegionOverview(region.code);
  if (region.pending || (region.code && overview.isPending))
    return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (!region.code) return <Result status="info" title={t('region.choose')} />;
  if (overview.isError)
    return <Result status="error" title={t('overview.loadFailed')} subTitle={errorText(overview.error, t)} />;
  if (!overview.data) return null;
  return <OverviewView overview={overview.data} />;
}

function OverviewView({ overview }: { overview: RegionOverview }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { setRegion } = useRegionScope();
  const trend = useOverviewTrend(overview.regionCode);
  return (
    <section className="page overview-page" aria-labelledby="overview-title">
      <div className="page-header">
        <Typography.Title level={2} id="overview-title" className="page-title">
          {t('overview.titleOf', { region: overview.regionName })}
        </Typography.Title>
        <Button icon={<DesktopOutlined />} onClick={() => void navigate('/command-centre')}>
          {t('command.open')}
        </Button>
      </div>
      <div className="plan-meta">
        <Typography.Text>
          {t('overview.period')}: <strong>{overview.period}</strong>
        </Typography.Text>
        <Typography.Text>
          {t('indicator.lastRefresh')}: <strong>{refreshedText(overview.lastRefreshedAt, locale, t)}</strong>
        </Typography.Text>
        <OverviewExports code={overview.regionCode} />
      </div>
      <OverviewFigures overview={overview} />
      <OverviewCharts overview={overview} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('overview.alerts')} className="detail-card">
            <AlertList alerts={overview.alerts} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.children')} className="detail-card">
            <ChildRegionTable rows={overview.children} onOpen={(code, name) => setRegion({ code, name })} />
          </Card>
        </Col>
      </Row>
      <Card title={t('overview.trend')} className="detail-card">
        {trend.isPending && <Spin aria-label={t('common.loading')} />}
        {trend.isError && <Alert type="error" showIcon message={errorText(trend.error, t)} />}
        {trend.data && <OverviewTrendChart trend={trend.data} />}
      </Card>
    </section>
  );
}

/** KPI-9: the overview as .xlsx and as a PDF report with charts. */
function OverviewExports({ code }: { code: string }) {
  const { t } = useI18n();
  const path = `/api/regions/${encodeURIComponent(code)}/overview`;
  return (
    <Space wrap>
      <DownloadButton path={`${path}.xlsx`} fallbackName={`overview-${code}.xlsx`}>
        {t('plan.exportXlsx')}
      </DownloadButton>
      <DownloadButton path={`${path}.pdf`} fallbackName={`overview-${code}.pdf`}>
        <FilePdfOutlined /> {t('plan.exportPdf')}
      </DownloadButton>
    </Space>
  );
}
