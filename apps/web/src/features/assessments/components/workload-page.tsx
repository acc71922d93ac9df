import { Alert, Table, Typography } from 'antd';
import type { WorkloadDto } from '@kangyang/contracts/assessment-workflow';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useWorkload } from '../api/tasks-api.ts';

type Row = WorkloadDto['agencies'][number];

/** ASM-10: each agency's open, submitted, returned and overdue tasks, and this month's approvals. */
export function WorkloadPage() {
  const { t } = useI18n();
  const { regionCode } = useRegionScope();
  const workload = useWorkload(regionCode);
  const count = (key: keyof Omit<Row, 'agencyId' | 'name'>, title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    sorter: (a: Row, b: Row) => a[key] - b[key],
  });
  return (
    <section className="page" aria-labelledby="asm-workload-title">
      <div className="page-header">
        <Typography.Title level={2} id="asm-workload-title" className="page-title">
          {t('nav.assessmentWorkload')}
        </Typography.Title>
        {workload.data && (
          <Typography.Text>{t('assessmentWorkload.month', { month: workload.data.month })}</Typography.Text>
        )}
      </div>
      {workload.isError && <Alert type="error" showIcon message={errorText(workload.error, t)} />}
      <Table<Row>
        rowKey="agencyId"
        loading={workload.isFetching}
        dataSource={workload.data?.agencies ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('assessmentWorkload.empty') }}
        columns={[
          { title: t('assessmentTask.agency'), dataIndex: 'name' },
          count('draft', t('assessmentState.draft')),
          count('submitted', t('assessmentState.submitted')),
          count('returned', t('assessmentState.returned')),
          count('approvedThisMonth', t('assessmentWorkload.approvedThisMonth')),
          {
            ...count('overdue', t('assessmentWorkload.overdue')),
            render: (value: number) => (value > 0 ? <strong style={{ color: '#b42318' }}>{value}</strong> : value),
          },
        ]}
      />
    </section>
  );
}
