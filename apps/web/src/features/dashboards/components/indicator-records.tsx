import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Empty, Segmented, Spin, Table, Typography } from 'antd';
import type { IndicatorRecordDto, IndicatorRecords } from '@kangyang/contracts/indicator-records';
import type { IndicatorItemDto } from '@kangyang/contracts/indicators';
import { recordsOf, type RecordsDescriptor } from '@kangyang/domain/indicators';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type MessageKey } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useIndicatorRecords } from '../api/records-api.ts';

const PAGE_SIZE = 20;

/** The records descriptor when a user holding `can` may list the records behind the indicator (the server decides again). */
export function recordsDescriptorFor(
  item: Pick<IndicatorItemDto, 'source' | 'formula'>,
  can: (permission: RecordsDescriptor['permission']) => boolean,
): RecordsDescriptor | undefined {
  const descriptor = item.source === 'computed' ? recordsOf(item.formula) : undefined;
  return descriptor && can(descriptor.permission) ? descriptor : undefined;
}

export function useRecordsDescriptor(item: IndicatorItemDto): RecordsDescriptor | undefined {
  const { can } = useSession();
  return recordsDescriptorFor(item, can);
}

type Props = { item: IndicatorItemDto; descriptor: RecordsDescriptor; region: string | undefined; year?: number };

/** KPI-3: the records behind the number, paged; counted ones and, where meaningful, the ones left out. */
export function IndicatorRecordsTable({ item, descriptor, region, year }: Props) {
  const { t } = useI18n();
  const [set, setSet] = useState(descriptor.sets[0] ?? 'counted');
  const [page, setPage] = useState(1);
  const records = useIndicatorRecords({
    profileId: item.profileId,
    indicatorId: item.id,
    region,
    year,
    set,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <div className="indicator-records">
      {descriptor.sets.length > 1 && (
        <Segmented
          value={set}
          onChange={(value) => {
            setSet(value);
            setPage(1);
          }}
          options={descriptor.sets.map((value) => ({ value, label: t(`records.${value}`) }))}
        />
      )}
      {records.isPending && <Spin aria-label={t('common.loading')} />}
      {records.isError && <Alert type="error" showIcon message={errorText(records.error, t)} />}
      {records.data && <RecordsPage data={records.data} page={page} onPage={setPage} />}
    </div>
  );
}

export function RecordsPage({
  data,
  page,
  onPage,
}: {
  data: IndicatorRecords;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const columns = data.columns.map((column) => ({
    title: t(`records.col.${column}` as MessageKey),
    key: column,
    render: (_: unknown, row: IndicatorRecordDto) => row.values[column] ?? '—',
  }));
  const open =
    data.kind === 'elder'
      ? [
          {
            title: t('indicator.actions'),
            key: 'open',
            render: (_: unknown, row: IndicatorRecordDto) => <Link to={`/elders/${row.id}`}>{t('records.open')}</Link>,
          },
        ]
      : [];
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('records.summary', { date: data.asOf, total: String(data.total) })}
        {data.masked && ` ${t('records.masked')}`}
      </Typography.Paragraph>
      <Table<IndicatorRecordDto>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        columns={[...columns, ...open]}
        locale={{ emptyText: <Empty description={t('records.empty')} /> }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: data.pageSize,
          total: data.total,
          onChange: onPage,
          showSizeChanger: false,
        }}
      />
    </>
  );
}
