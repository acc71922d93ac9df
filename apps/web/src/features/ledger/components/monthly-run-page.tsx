import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Programme } from '@kangyang/domain/eligibility';
import { PROGRAMME_CADENCE } from '@kangyang/domain/ledger';
import type { RunSummaryDto } from '@kangyang/contracts/ledger';
import { errorText } from '../../../shared/api/error-text.ts';
import { useRegionRoots } from '../../../shared/api/regions-api.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { RegionTreeSelect, type RegionChoice } from '../../../shared/region-tree-select.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useRuns, useStartRun } from '../api/ledger-api.ts';
import { yuan } from './money.ts';
import { RunDetail } from './run-detail.tsx';
import './ledger.css';
import { RegionName } from '../../../shared/region-name.tsx';

/** Programmes paid in money (benefits in kind have no monthly run). */
const PAID_PROGRAMMES = Object.keys(PROGRAMME_CADENCE) as Programme[];
const PAGE_SIZE = 10;

/** Last calendar month as YYYY-MM (the month a run usually pays). */
function lastMonth(): string {
  const today = new Date();
  const month = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
}

type FormValues = { region?: RegionChoice; programme: Programme; month: string };

/** SUB-2, SUB-8: start a month's run, read its totals and the difference from last month, approve, export, import results. */
export function MonthlyRunPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [openId, setOpenId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const runs = useRuns({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <section className="page" aria-labelledby="run-title">
      <Typography.Title level={2} id="run-title" className="page-title">
        {t('run.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('run.intro')}</Typography.Paragraph>
      {can('ledger:run') && <RunForm onStarted={setOpenId} />}
      {openId && <RunDetail id={openId} />}
      <Card title={t('run.list')} className="detail-card">
        <RunTable
          runs={runs.data?.items ?? []}
          total={runs.data?.total ?? 0}
          loading={runs.isFetching}
          page={page}
          onPage={setPage}
          onOpen={setOpenId}
          openId={openId}
        />
      </Card>
    </section>
  );
}

type RunTableProps = {
  runs: RunSummaryDto[];
  total: number;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  openId: string | undefined;
};

function RunTable({ runs, total, loading, page, onPage, onOpen, openId }: RunTableProps) {
  const { t, locale } = useI18n();
  return (
    <Table<RunSummaryDto>
      className="run-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={runs}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('run.empty') }}
      rowClassName={(run) => (run.id === openId ? 'row-selected' : '')}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: onPage }}
      columns={[
        { title: t('run.month'), dataIndex: 'period' },
        {
          title: t('run.region'),
          dataIndex: 'regionCode',
          render: (code: string) => <RegionName code={code} />,
        },
        { title: t('run.programme'), dataIndex: 'programme', render: (p: Programme) => t(`programme.${p}`) },
        { title: t('run.lines'), dataIndex: 'entryCount', align: 'right' },
        { title: t('run.total'), dataIndex: 'totalFen', align: 'right', render: (fen: number) => yuan(fen) },
        {
          title: t('run.status'),
          dataIndex: 'status',
          render: (status: RunSummaryDto['status']) => (
            <Tag color={status === 'approved' ? 'green' : 'gold'}>
              {status === 'approved' ? t('run.statusApproved') : t('run.statusComputed')}
            </Tag>
          ),
        },
        {
          title: t('run.computedAt'),
          dataIndex: 'computedAt',
          render: (at: string) => <span className="nowrap">{new Date(at).toLocaleString(locale)}</span>,
        },
        {
          title: '',
          key: 'open',
          render: (_value, run) => (
            <Space>
              <Button onClick={() => onOpen(run.id)}>{t('run.open')}</Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The top bar's region, else the first region of the user's scope (the district, for a district official). */
function useInitialRegion(): RegionChoice | undefined {
  const scope = useRegionScope();
  const roots = useRegionRoots();
  const root = roots.data?.items[0];
  if (scope.regionCode && scope.regionName) return { code: scope.regionCode, name: scope.regionName };
  return root && { code: root.code, name: root.name };
}

function RunForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const start = useStartRun();
  const initialRegion = useInitialRegion();
  useEffect(() => {
    // the scope's regions arrive after the first render
    if (initialRegion && !form.getFieldValue('region')) form.setFieldValue('region', initialRegion);
  }, [form, initialRegion]);
  const submit = (values: FormValues) => {
    const region = values.region ?? initialRegion;
    if (!region) {
      form.setFields([{ name: 'region', errors: [t('form.required')] }]);
      return;
    }
    start.mutate(
      { regionCode: region.code, programme: values.programme, month: values.month },
      {
        onSuccess: (run) => {
          onStarted(run.id);
          if (run.created) void message.success(t('run.started', { count: run.entryCount, yuan: yuan(run.totalFen) }));
          else void message.info(t('run.existing'));
        },
      },
    );
  };
  return (
    <Card className="filter-card run-form-card">
      <Form<FormValues>
        form={form}
        layout="inline"
        className="run-form"
        initialValues={{ region: initialRegion, programme: 'homeCareBedCareSubsidy', month: lastMonth() }}
        onFinish={submit}
      >
        <Form.Item name="region" label={t('run.region')} rules={[{ required: true, message: t('form.required') }]}>
          <RegionTreeSelect id="run-region" className="run-region" aria-label={t('run.region')} />
        </Form.Item>
        <Form.Item name="programme" label={t('run.programme')}>
          <Select
            id="run-programme"
            className="run-programme"
            options={PAID_PROGRAMMES.map((programme) => ({ value: programme, label: t(`programme.${programme}`) }))}
          />
        </Form.Item>
        <Form.Item name="month" label={t('run.month')} rules={[{ required: true, message: t('form.required') }]}>
          <Input id="run-month" type="month" className="run-month" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" size="large" icon={<CalculatorOutlined />} loading={start.isPending}>
            {t('run.start')}
          </Button>
        </Form.Item>
      </Form>
      {start.isError && (
        <Alert type="error" showIcon role="alert" message={errorText(start.error, t)} className="page-alert" />
      )}
    </Card>
  );
}
