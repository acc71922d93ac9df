import { useNavigate } from 'react-router';
import { Alert, Button, Table, Tag } from 'antd';
import type { AssessmentListItem } from '@kangyang/contracts/assessment-workflow';
import { errorText } from '../../../shared/api/error-text.ts';
import './assessments.css';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useTaskList } from '../api/tasks-api.ts';

type Props = {
  query: { state?: AssessmentListItem['state']; mine?: 'true'; region?: string | undefined };
  /** Where a row opens: `/assessments` (the form) or `/assessment-review` (the review). */
  base: string;
  today: string;
  offset: number;
  onPage: (offset: number) => void;
};

const PAGE = 20;

/** A page of tasks; each row opens with one large button (tablet). Overdue due dates are marked. */
export function TaskTable({ query, base, today, offset, onPage }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useTaskList({ ...query, limit: PAGE, offset });
  if (list.isError) return <Alert type="error" showIcon message={errorText(list.error, t)} />;
  return (
    <Table<AssessmentListItem>
      rowKey="id"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      size="middle"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('assessmentTask.empty') }}
      pagination={{
        current: Math.floor(offset / PAGE) + 1,
        pageSize: PAGE,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        onChange: (page) => onPage((page - 1) * PAGE),
      }}
      columns={[
        { title: t('assessmentTask.elder'), dataIndex: 'elderName' },
        {
          title: t('assessment.reason'),
          key: 'reason',
          render: (_, row) => t(`assessmentReason.${row.reason}`),
        },
        {
          title: t('assessmentTask.dueDate'),
          dataIndex: 'dueDate',
          render: (due: string, row) =>
            due < today && (row.state === 'draft' || row.state === 'returned') ? (
              <Tag color="red">{t('assessmentTask.overdue', { date: due })}</Tag>
            ) : (
              due
            ),
        },
        {
          title: t('assessment.state'),
          key: 'state',
          render: (_, row) => <Tag>{t(`assessmentState.${row.state}`)}</Tag>,
        },
        { title: t('assessmentTask.agency'), dataIndex: 'agencyName' },
        {
          title: t('assessmentTask.open'),
          key: 'open',
          fixed: 'right',
          render: (_, row) => (
            <Button size="large" type="primary" onClick={() => void navigate(`${base}/${row.id}`)}>
              {t('assessmentTask.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** Today's date in the browser's zone (YYYY-MM-DD). */
export function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
