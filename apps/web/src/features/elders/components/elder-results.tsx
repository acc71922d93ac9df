import { Link } from 'react-router';
import { Card, Empty, List, Pagination, Table, type TableColumnsType } from 'antd';
import { MAX_OFFSET } from '@kangyang/contracts/common';
import type { ElderListItem } from '@kangyang/contracts/elder';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { RegionName } from '../../../shared/region-name.tsx';
import { CategoryTags, Identifier, StatusTag } from './elder-labels.tsx';

export type Paging = { page: number; pageSize: number; onChange: (page: number, pageSize: number) => void };
type Props = { items: readonly ElderListItem[]; total: number; loading: boolean; paging: Paging; narrow: boolean };

export const PAGE_SIZES = [20, 50, 100];

/** Offsets stop at MAX_OFFSET (API-2): narrower filters reach the rest. */
const reachable = (total: number, pageSize: number) => Math.min(total, MAX_OFFSET + pageSize);

function useColumns(): TableColumnsType<ElderListItem> {
  const { t } = useI18n();
  return [
    {
      title: t('elder.name'),
      dataIndex: 'name',
      render: (name: string, elder) => (
        <Link to={`/elders/${elder.id}`} className="elder-name-link">
          {name}
        </Link>
      ),
    },
    { title: t('elder.sex'), dataIndex: 'sex', render: (sex: ElderListItem['sex']) => t(`sex.${sex}`) },
    { title: t('elder.age'), dataIndex: 'age', align: 'right' },
    { title: t('elder.idNumber'), dataIndex: 'idNumber', render: (value: string) => <Identifier value={value} /> },
    { title: t('elder.phone'), dataIndex: 'phone', render: (value: string | null) => <Identifier value={value} /> },
    {
      title: t('elder.residenceRegion'),
      dataIndex: 'residenceRegionCode',
      render: (code: string) => <RegionName code={code} />,
    },
    {
      title: t('elder.livingSituation'),
      dataIndex: 'livingSituation',
      render: (value: ElderListItem['livingSituation']) => t(`living.${value}`),
    },
    {
      title: t('elder.categories'),
      dataIndex: 'categories',
      render: (categories: ElderListItem['categories']) => <CategoryTags categories={categories} />,
    },
    {
      title: t('elder.status'),
      dataIndex: 'status',
      render: (status: ElderListItem['status']) => <StatusTag status={status} />,
    },
  ];
}

/** The elder list: a table on wide screens, cards on phones (360 px and up). */
export function ElderResults({ items, total, loading, paging, narrow }: Props) {
  const { t } = useI18n();
  const columns = useColumns();
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: reachable(total, paging.pageSize),
    onChange: paging.onChange,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: !narrow,
    showTotal: () => t('list.total', { total }),
    simple: narrow,
  };
  const empty = <Empty description={t('list.empty')} />;
  if (!narrow) {
    return (
      <Table<ElderListItem>
        rowKey="id"
        columns={columns}
        dataSource={[...items]}
        loading={loading}
        pagination={pagination}
        tableLayout="auto"
        locale={{ emptyText: empty }}
        className="elder-table"
      />
    );
  }
  return (
    <>
      <List<ElderListItem>
        loading={loading}
        dataSource={[...items]}
        locale={{ emptyText: empty }}
        renderItem={(elder) => <ElderCard elder={elder} />}
      />
      <div className="list-footer">
        <span>{t('list.total', { total })}</span>
        <Pagination {...pagination} showTotal={undefined} />
      </div>
    </>
  );
}

function ElderCard({ elder }: { elder: ElderListItem }) {
  const { t } = useI18n();
  return (
    <List.Item className="elder-card-item">
      <Card size="small" className="elder-card">
        <div className="elder-card__head">
          <Link to={`/elders/${elder.id}`} className="elder-name-link">
            {elder.name}
          </Link>
          <span>
            {t(`sex.${elder.sex}`)} · {t('elder.ageYears', { age: elder.age })}
          </span>
          <StatusTag status={elder.status} />
        </div>
        <dl className="elder-card__facts">
          <dt>{t('elder.idNumber')}</dt>
          <dd>
            <Identifier value={elder.idNumber} />
          </dd>
          <dt>{t('elder.phone')}</dt>
          <dd>
            <Identifier value={elder.phone} />
          </dd>
          <dt>{t('elder.livingSituation')}</dt>
          <dd>{t(`living.${elder.livingSituation}`)}</dd>
        </dl>
        {elder.categories.length > 0 && <CategoryTags categories={elder.categories} />}
      </Card>
    </List.Item>
  );
}
