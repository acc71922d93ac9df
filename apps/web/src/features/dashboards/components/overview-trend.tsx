import { Col, Row } from 'antd';
import type { OverviewTrend } from '@kangyang/contracts/indicators';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { SimpleChart } from './trend-chart.tsx';

/** KPI-8: monthly elders, entitlements, assessments and services, and subsidies paid (yuan). */
export function OverviewTrendChart({ trend, dark }: { trend: OverviewTrend; dark?: boolean }) {
  const { t } = useI18n();
  const periods = trend.points.map((point) => point.period);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <SimpleChart
          label={t('overview.trendCounts')}
          dark={dark}
          categories={periods}
          series={[
            { name: t('overview.elders'), values: trend.points.map((point) => point.elders) },
            { name: t('overview.activeEntitlements'), values: trend.points.map((point) => point.activeEntitlements) },
            { name: t('overview.assessments'), values: trend.points.map((point) => point.assessments) },
            { name: t('overview.visits'), values: trend.points.map((point) => point.visits) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <SimpleChart
          label={t('overview.trendPaid')}
          kind="bar"
          dark={dark}
          categories={periods}
          series={[{ name: t('overview.paidYuan'), values: trend.points.map((point) => point.paidFen / 100) }]}
        />
      </Col>
    </Row>
  );
}
