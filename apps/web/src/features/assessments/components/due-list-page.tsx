import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Progress, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import type { DueListDto } from '@kangyang/contracts/assessment-workflow';
import { levelLabel } from '@kangyang/domain/assessment';
import { errorText } from '../../../shared/api/error-text.ts';
import './assessments.css';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useDueList } from '../api/tasks-api.ts';

type DueItem = DueListDto['items'][number];
const PAGE = 20;
const STATUS_COLOR: Record<DueItem['status'], string> = {
  current: 'green',
  dueSoon: 'gold',
  expiredInGrace: 'orange',
  expired: 'red',
};

/** ASM-6: elders of the chosen region whose level falls due, counted by month, then listed. */
export function DueListPage() {
  const { t } = useI18n();
  const { regionCode, regionName } = useRegionScope();
  const [months, setMonths] = useState(3);
  const [offset, setOffset] = useState(0);
  const due = useDueList({ region: regionCode, months, limit: PAGE, offset });
  return (
    <section className="page" aria-labelledby="asm-due-title">
      <div className="page-header">
        <Typography.Title level={2} id="asm-due-title" className="page-title">
          {t('nav.assessmentDue')}
          {regionName ? ` · ${regionName}` : ''}
        </Typography.Title>
        <Segmented
          size="large"
          value={months}
          onChange={(value) => {
            setMonths(value);
            setOffset(0);
          }}
          options={[3, 6, 12].map((value) => ({ value, label: t('assessmentDue.months', { months: value }) }))}
        />
      </div>
      {due.isError && <Alert type="error" showIcon message={errorText(due.error, t)} />}
      <DueSummary data={due.data} />
      <DueTable data={due.data} loading={due.isFetching} offset={offset} onPage={setOffset} />
    </section>
  );
}

/** Totals, then the count falling due in each month of the horizon as bars. */
function DueSummary({ data }: { data: DueListDto | undefined }) {
  const { t } = useI18n();
  const most = Math.max(1, ...(data?.counts.map((entry) => entry.count) ?? []));
  return (
    <>
      <div className="asm-due-stats">
        <Card>
          <Statistic title={t('assessmentDue.total')} value={data?.total ?? '—'} />
        </Card>
        <Card>
          <Statistic title={t('assessmentDue.dueSoon')} value={data?.dueSoon ?? '—'} />
        </Card>
        <Card>
          <Statistic
            title={t('assessmentDue.expired')}
            value={data?.expired ?? '—'}
            valueStyle={{ color: '#b42318' }}
          />
        </Card>
      </div>
      <Card title={t('assessmentDue.byMonth')} className="detail-card" data-testid="due-by-month">
        {(data?.counts ?? []).map((entry) => (
          <div key={entry.month} className="asm-month-row">
            <span className="asm-month-row__month">{entry.month}</span>
            <Progress percent={(entry.count / most) * 100} status="normal" showInfo={false} strokeWidth={14} />
            <span className="asm-month-row__count">{entry.count}</span>
          </div>
        ))}
      </Card>
    </>
  );
}

type TableProps = { data: DueListDto | undefined; loading: boolean; offset: number; onPage: (offset: number) => void };

/** The elders falling due, soonest first, each linked to their history. */
function DueTable({ data, loading, offset, onPage }: TableProps) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('assessmentDue.list')} className="detail-card">
      <Table<DueItem>
        rowKey="assessmentId"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{
          current: Math.floor(offset / PAGE) + 1,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => onPage((page - 1) * PAGE),
        }}
        columns={[
          {
            title: t('assessmentTask.elder'),
            key: 'elder',
            render: (_, row) => <Link to={`/elders/${row.elderId}/assessments`}>{row.elderName}</Link>,
          },
          {
            title: t('assessment.finalLevel'),
            key: 'level',
            render: (_, row) => levelLabel(row.instrument, row.finalLevel, locale) ?? row.finalLevel,
          },
          { title: t('assessment.validUntil'), dataIndex: 'validUntil' },
          {
            title: t('assessment.state'),
            key: 'status',
            render: (_, row) => <Tag color={STATUS_COLOR[row.status]}>{t(`capabilityStatus.${row.status}`)}</Tag>,
          },
          {
            title: t('assessmentDue.openTask'),
            key: 'task',
            render: (_, row) => (row.openTaskId ? <Tag color="blue">{t('assessmentDue.taskOpen')}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
