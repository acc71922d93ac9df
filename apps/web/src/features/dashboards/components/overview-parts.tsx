import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, List, Row, Statistic, Table, Tag } from 'antd';
import { AlertOutlined, InfoCircleOutlined, WarningOutlined, ZoomInOutlined } from '@ant-design/icons';
import type { MissingSourceDto, RegionOverview } from '@kangyang/contracts/indicators';
import { useI18n, type MessageKey } from '../../../shared/i18n/i18n-context.tsx';
import { yuanText } from './indicator-format.ts';
import { labelOf, levelLabel, levelOrder } from './overview-labels.ts';
import { SimpleChart } from './trend-chart.tsx';

type Figure = { key: string; title: MessageKey; value: ReactNode; suffix?: string; missing?: MissingSourceDto | null };

function figuresOf(overview: RegionOverview, t: (key: MessageKey) => string): Figure[] {
  const { services, beds, subsidies } = overview;
  const occupancy = beds.occupancyBasisPoints === null ? null : (beds.occupancyBasisPoints / 100).toFixed(1);
  return [
    { key: 'elders', title: 'overview.elders', value: overview.elders.total.toLocaleString('en-US') },
    { key: 'assessments', title: 'overview.assessmentsThisMonth', value: overview.assessmentsThisMonth },
    {
      key: 'visits',
      title: 'overview.visitsThisMonth',
      value: services.visitsThisMonth ?? '—',
      missing: services.missingSource,
    },
    {
      key: 'beds',
      title: 'overview.beds',
      value: beds.total === null ? '—' : `${beds.occupied ?? 0} / ${beds.total}`,
      missing: beds.missingSource,
    },
    {
      key: 'occupancy',
      title: 'overview.occupancy',
      value: occupancy ?? '—',
      ...(occupancy === null ? {} : { suffix: '%' }),
      missing: beds.missingSource,
    },
    {
      key: 'paid',
      title: 'overview.paidThisMonth',
      value: yuanText(subsidies.paidThisMonthFen),
      suffix: t('overview.yuan'),
    },
    { key: 'entitlements', title: 'overview.activeEntitlements', value: subsidies.activeEntitlements },
  ];
}

/** The headline figures; a block whose records do not exist yet says so in words (KPI-10). */
export function OverviewFigures({ overview, dark }: { overview: RegionOverview; dark?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[16, 16]} className={dark ? 'figures figures--dark' : 'figures'}>
      {figuresOf(overview, t).map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={6} xxl={dark ? 6 : 3}>
          <Card className="figure-card" data-testid={`figure-${figure.key}`}>
            <Statistic title={t(figure.title)} value={figure.value as string} suffix={figure.suffix} />
            {figure.missing && (
              <div className="figure-missing">
                {locale === 'zh-CN' ? figure.missing.text.zh : figure.missing.text.en}
              </div>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Elders by age band and category, and capability levels, as bar charts. */
export function OverviewCharts({ overview, dark }: { overview: RegionOverview; dark?: boolean }) {
  const { t } = useI18n();
  const { byAgeBand, byCategory } = overview.elders;
  // severest at the top of a horizontal chart: ascending order from the bottom
  const levels = [...overview.capabilityLevels].sort((a, b) => levelOrder(a.key) - levelOrder(b.key));
  const charts = [
    {
      key: 'age',
      title: t('overview.byAgeBand'),
      categories: byAgeBand.map((row) => row.key),
      values: byAgeBand.map((row) => row.count),
      horizontal: true,
    },
    {
      key: 'category',
      title: t('overview.byCategory'),
      categories: byCategory.map((row) => labelOf('category', row.key, t)),
      values: byCategory.map((row) => row.count),
      horizontal: true,
    },
    {
      key: 'levels',
      title: t('overview.capabilityLevels'),
      categories: levels.map((row) => levelLabel(row.key, t)),
      values: levels.map((row) => row.count),
      horizontal: true,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} lg={8}>
          <Card title={chart.title} className="detail-card chart-card">
            {chart.values.length === 0 ? (
              <Empty description={t('overview.noData')} />
            ) : (
              <SimpleChart
                label={chart.title}
                kind="bar"
                dark={dark}
                horizontal={chart.horizontal}
                categories={chart.categories}
                series={[{ name: chart.title, values: chart.values }]}
              />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const SEVERITY = {
  info: { color: 'processing', icon: <InfoCircleOutlined />, label: 'alertSeverity.info' },
  warning: { color: 'warning', icon: <WarningOutlined />, label: 'alertSeverity.warning' },
  critical: { color: 'error', icon: <AlertOutlined />, label: 'alertSeverity.critical' },
} as const;

export function AlertList({ alerts }: { alerts: RegionOverview['alerts'] }) {
  const { t, locale } = useI18n();
  if (alerts.length === 0) return <Empty description={t('overview.noAlerts')} />;
  return (
    <List
      dataSource={alerts}
      renderItem={(alert) => (
        <List.Item className="alert-item" data-severity={alert.severity}>
          <Tag color={SEVERITY[alert.severity].color} icon={SEVERITY[alert.severity].icon}>
            {t(SEVERITY[alert.severity].label)}
          </Tag>
          <span className="alert-item__text">{locale === 'zh-CN' ? alert.text.zh : alert.text.en}</span>
          <strong className="alert-item__count">{alert.count}</strong>
        </List.Item>
      )}
    />
  );
}

type Child = RegionOverview['children'][number];

export function ChildRegionTable({
  rows,
  onOpen,
}: {
  rows: readonly Child[];
  onOpen: (code: string, name: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<Child>
      rowKey="regionCode"
      size="small"
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: t('indicator.noChildren') }}
      columns={[
        { title: t('region.label'), dataIndex: 'regionName' },
        { title: t('overview.elders'), dataIndex: 'elders', align: 'right' },
        {
          title: t('indicator.actions'),
          key: 'open',
          render: (_, row) => (
            <Button size="small" icon={<ZoomInOutlined />} onClick={() => onOpen(row.regionCode, row.regionName)}>
              {t('indicator.openRegion')}
            </Button>
          ),
        },
      ]}
    />
  );
}
