import { useMemo, useState } from 'react';
import { Alert, Card, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DailyCountDto } from '@kangyang/contracts/meals';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useDailyCounts } from '../api/meals-api.ts';
import { yuan } from './credential-kind.ts';

/** A local calendar day `days` before today, as YYYY-MM-DD. */
const dayBefore = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

function countColumns(t: Translate): TableColumnsType<DailyCountDto> {
  const number = (key: keyof DailyCountDto, title: string) => ({ key, dataIndex: key, title, align: 'right' as const });
  return [
    { key: 'mealDate', dataIndex: 'mealDate', title: t('meal.date') },
    { key: 'siteName', dataIndex: 'siteName', title: t('meal.site') },
    number('ordered', t('meal.ordered')),
    number('redeemed', t('meal.redeemedCount')),
    number('delivered', t('meal.delivered')),
    number('cancelled', t('meal.cancelled')),
    { ...number('subsidyFen', t('meal.subsidyTotal')), render: (fen: number) => yuan(fen) },
    { ...number('payableFen', t('meal.payableTotal')), render: (fen: number) => yuan(fen) },
  ];
}

type RangeProps = {
  range: [string, string];
  onRange: (range: [string, string]) => void;
  redeemed: number;
  subsidyFen: number;
};

function RangeBar({ range, onRange, redeemed, subsidyFen }: RangeProps) {
  const { t } = useI18n();
  return (
    <Space wrap size="large">
      <Input
        type="date"
        size="large"
        aria-label={t('meal.date')}
        value={range[0]}
        max={range[1]}
        onChange={(event) => event.target.value && onRange([event.target.value, range[1]])}
      />
      <Input
        type="date"
        size="large"
        aria-label={t('meal.date')}
        value={range[1]}
        min={range[0]}
        onChange={(event) => event.target.value && onRange([range[0], event.target.value])}
      />
      <Typography.Text strong>
        {t('meal.total')}: {redeemed} · {t('meal.subsidyTotal')} {t('meal.yuan', { amount: yuan(subsidyFen) })}
      </Typography.Text>
    </Space>
  );
}

/** HCS-11: meals per site and day from the counts rollup (kept with every order and redemption). */
export function MealCountsPage() {
  const { t } = useI18n();
  const { regionCode } = useRegionScope();
  const [range, setRange] = useState<[string, string]>(() => [dayBefore(6), dayBefore(0)]);
  const query = {
    from: range[0],
    to: range[1],
    ...(regionCode ? { regionCode } : {}),
  };
  const counts = useDailyCounts(query);
  const items = useMemo(() => counts.data?.items ?? [], [counts.data]);
  const totals = useMemo(
    () =>
      items.reduce(
        (sum, row) => ({ redeemed: sum.redeemed + row.redeemed, subsidyFen: sum.subsidyFen + row.subsidyFen }),
        { redeemed: 0, subsidyFen: 0 },
      ),
    [items],
  );
  return (
    <section className="page" aria-labelledby="meal-counts-title">
      <Typography.Title level={2} id="meal-counts-title" className="page-title">
        {t('meal.countsTitle')}
      </Typography.Title>
      <RangeBar range={range} onRange={setRange} redeemed={totals.redeemed} subsidyFen={totals.subsidyFen} />
      {counts.isError && (
        <Alert type="error" showIcon role="alert" message={errorText(counts.error, t)} className="page-alert" />
      )}
      <Card className="detail-card">
        <Table<DailyCountDto>
          rowKey={(row) => `${row.siteId}:${row.mealDate}`}
          size="middle"
          loading={counts.isFetching}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('meal.noCounts') }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={countColumns(t)}
        />
      </Card>
    </section>
  );
}
