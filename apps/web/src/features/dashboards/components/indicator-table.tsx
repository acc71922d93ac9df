import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import type { IndicatorItemDto } from '@kangyang/contracts/indicators';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { indicatorTargetText, indicatorValueText } from './indicator-format.ts';
import { StatusTag } from './status-tag.tsx';

type Props = { items: readonly IndicatorItemDto[]; onDrill: (item: IndicatorItemDto) => void };

/** KPI-1, KPI-2, KPI-10: every indicator of the plan with value, target, deadline, status and formula. */
export function IndicatorTable({ items, onDrill }: Props) {
  const { t, locale } = useI18n();
  const text = (value: { zh: string; en: string }) => (locale === 'zh-CN' ? value.zh : value.en);
  return (
    <Table<IndicatorItemDto>
      rowKey="id"
      dataSource={[...items]}
      pagination={false}
      scroll={{ x: 890 }}
      tableLayout="fixed"
      className="indicator-table"
      columns={columnsOf(t, text, onDrill)}
    />
  );
}

type Text = (value: { zh: string; en: string }) => string;

function columnsOf(t: Translate, text: Text, onDrill: Props['onDrill']): TableColumnsType<IndicatorItemDto> {
  return [
    { title: t('indicator.name'), key: 'name', width: 260, render: (_, item) => nameCell(item, t, text) },
    {
      title: t('indicator.status'),
      key: 'status',
      width: 170,
      render: (_, item) => <StatusTag status={item.status} />,
    },
    { title: t('indicator.value'), key: 'value', width: 150, render: (_, item) => valueCell(item, t, text) },
    {
      title: `${t('indicator.target')} · ${t('indicator.deadline')}`,
      key: 'target',
      width: 180,
      render: (_, item) => (
        <div className="indicator-target">
          <div>{indicatorTargetText(item.target, t)}</div>
          <div className="indicator-deadline">
            {t('indicator.deadline')}: {item.deadline === null ? t('indicator.recurring') : String(item.deadline)}
          </div>
        </div>
      ),
    },
    {
      title: t('indicator.actions'),
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_, item) => (
        <Button
          icon={<ApartmentOutlined />}
          onClick={() => onDrill(item)}
          aria-label={`${t('indicator.drillDown')} ${item.id}`}
        >
          {t('indicator.drillDown')}
        </Button>
      ),
    },
  ];
}

function nameCell(item: IndicatorItemDto, t: Translate, text: Text) {
  return (
    <div className="indicator-name">
      <Typography.Text strong>
        <span className="identifier">{item.id}</span> {text(item.name)}
      </Typography.Text>
      <div className="indicator-formula">
        {t('indicator.formula')}: {text(item.formulaText)}
      </div>
      <div className="indicator-source">
        {t('indicator.source')}: {t(`indicatorSource.${item.source}`)}
        {item.source === 'declared' && item.valueFrom && t(`indicator.valueFrom.${item.valueFrom}`)}
      </div>
    </div>
  );
}

/** The value, or a dash and the plain reason its data source is missing (KPI-10). */
function valueCell(item: IndicatorItemDto, t: Translate, text: Text) {
  if (item.value === null)
    return (
      <div className="indicator-missing" data-testid={`missing-${item.id}`}>
        <Typography.Text strong aria-label={t('indicator.missingSource')}>
          —
        </Typography.Text>
        <div>{item.missingSource ? text(item.missingSource.text) : t('indicator.missingSource')}</div>
      </div>
    );
  return (
    <Typography.Text strong className="indicator-value">
      {indicatorValueText(item.value, item.unit, t)}
    </Typography.Text>
  );
}
