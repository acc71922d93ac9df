import { Alert, Button, Descriptions, Drawer, Empty, Spin, Table, Tabs } from 'antd';
import { ZoomInOutlined } from '@ant-design/icons';
import type { BreakdownRowDto, IndicatorItemDto } from '@kangyang/contracts/indicators';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useBreakdown, useIndicatorTrend } from '../api/dashboards-api.ts';
import { indicatorTargetText, indicatorValueText } from './indicator-format.ts';
import { IndicatorRecordsTable, useRecordsDescriptor } from './indicator-records.tsx';
import { ReportedEntries } from './reported-form.tsx';
import { StatusTag } from './status-tag.tsx';
import { SimpleChart } from './trend-chart.tsx';

type Props = {
  item: IndicatorItemDto;
  region: string | undefined;
  year: number | undefined;
  onClose: () => void;
  onRegion: (region: { code: string; name: string }) => void;
};

/** KPI-3: one indicator by child region, its trend and, for `reported` ones, the entry form. */
export function IndicatorDrawer({ item, region, year, onClose, onRegion }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const descriptor = useRecordsDescriptor(item);
  const text = (value: { zh: string; en: string }) => (locale === 'zh-CN' ? value.zh : value.en);
  const tabs = [
    {
      key: 'breakdown',
      label: t('indicator.byRegion'),
      children: <Breakdown item={item} region={region} year={year} onRegion={onRegion} />,
    },
    { key: 'trend', label: t('indicator.trend'), children: <Trend item={item} region={region} /> },
    ...(descriptor
      ? [
          {
            key: 'records',
            label: t('records.tab'),
            children: <IndicatorRecordsTable item={item} descriptor={descriptor} region={region} year={year} />,
          },
        ]
      : []),
    ...(item.source === 'reported' || item.source === 'declared'
      ? [
          {
            key: 'reported',
            label: t('reported.title'),
            children: <ReportedEntries item={item} region={region} year={year} canReport={can('indicator:report')} />,
          },
        ]
      : []),
  ];
  return (
    <Drawer open onClose={onClose} width={720} title={`${item.id} ${text(item.name)}`} className="indicator-drawer">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'value', label: t('indicator.value'), children: indicatorValueText(item.value, item.unit, t) },
          { key: 'target', label: t('indicator.target'), children: indicatorTargetText(item.target, t) },
          { key: 'status', label: t('indicator.status'), children: <StatusTag status={item.status} /> },
          { key: 'formula', label: t('indicator.formula'), children: text(item.formulaText) },
          ...(item.missingSource
            ? [{ key: 'missing', label: t('indicator.missingSource'), children: text(item.missingSource.text) }]
            : []),
        ]}
      />
      <Tabs items={tabs} className="indicator-tabs" />
    </Drawer>
  );
}

function Breakdown({ item, region, year, onRegion }: Omit<Props, 'onClose'>) {
  const { t } = useI18n();
  const breakdown = useBreakdown(item.profileId, item.id, region, year);
  if (breakdown.isPending) return <Spin aria-label={t('common.loading')} />;
  if (breakdown.isError) return <Alert type="error" showIcon message={errorText(breakdown.error, t)} />;
  if (breakdown.data.items.length === 0) return <Empty description={t('indicator.noChildren')} />;
  return (
    <Table<BreakdownRowDto>
      rowKey="regionCode"
      size="middle"
      dataSource={breakdown.data.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('region.label'), dataIndex: 'regionName' },
        {
          title: t('indicator.value'),
          key: 'value',
          // a missing value is a dash: the status says why, the header gives the reason once
          render: (_, row) => (row.value === null ? '—' : indicatorValueText(row.value, item.unit, t)),
        },
        { title: t('indicator.status'), key: 'status', render: (_, row) => <StatusTag status={row.status} /> },
        {
          title: t('indicator.actions'),
          key: 'drill',
          render: (_, row) => (
            <Button icon={<ZoomInOutlined />} onClick={() => onRegion({ code: row.regionCode, name: row.regionName })}>
              {t('indicator.openRegion')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function Trend({ item, region }: { item: IndicatorItemDto; region: string | undefined }) {
  const { t, locale } = useI18n();
  const trend = useIndicatorTrend(item.profileId, item.id, region);
  if (trend.isPending) return <Spin aria-label={t('common.loading')} />;
  if (trend.isError) return <Alert type="error" showIcon message={errorText(trend.error, t)} />;
  const points = trend.data.points;
  if (points.every((point) => point.value === null)) return <Empty description={t('indicator.noTrend')} />;
  const scale = item.unit === 'basisPoints' ? 0.01 : item.unit === 'fen' ? 0.01 : 1;
  return (
    <SimpleChart
      label={`${t('indicator.trend')}: ${locale === 'zh-CN' ? item.name.zh : item.name.en}`}
      categories={points.map((point) => point.period)}
      series={[
        {
          name: locale === 'zh-CN' ? item.name.zh : item.name.en,
          values: points.map((point) => (point.value === null ? null : point.value * scale)),
        },
      ]}
    />
  );
}
