import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Segmented, Select, Table, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ComplaintDto } from '@kangyang/contracts/complaints';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useChangeComplaint, useComplaints } from '../api/complaints-api.ts';

type Tab = 'open' | 'overdue' | 'all';
type NextStatus = 'acknowledged' | 'responded' | 'resolved' | 'closed';
const NEXT: Readonly<Record<ComplaintDto['status'], readonly NextStatus[]>> = {
  open: ['acknowledged', 'responded', 'closed'],
  acknowledged: ['responded', 'closed'],
  responded: ['resolved', 'acknowledged', 'closed'],
  resolved: ['closed'],
  closed: [],
};
const STATUS_COLOURS: Readonly<Record<ComplaintDto['status'], string>> = {
  open: 'blue',
  acknowledged: 'cyan',
  responded: 'green',
  resolved: 'green',
  closed: 'default',
};

const when = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

function columns(t: Translate, locale: string, act?: (row: ComplaintDto) => void): TableColumnsType<ComplaintDto> {
  return [
    { key: 'received', title: t('complaint.received'), render: (_: unknown, row) => when(row.receivedAt, locale) },
    { key: 'site', dataIndex: 'siteName', title: t('complaint.site') },
    {
      key: 'category',
      title: t('complaint.category'),
      render: (_: unknown, row) => t(`complaint.category.${row.category}`),
    },
    { key: 'description', dataIndex: 'description', title: t('complaint.description'), ellipsis: true },
    {
      key: 'deadline',
      title: t('complaint.deadline'),
      render: (_: unknown, row) => (
        <>
          {when(row.deadlineAt, locale)} {row.overdue && <Tag color="red">{t('complaint.overdue')}</Tag>}
        </>
      ),
    },
    {
      key: 'status',
      title: t('complaint.status'),
      render: (_: unknown, row) => <Tag color={STATUS_COLOURS[row.status]}>{t(`complaint.status.${row.status}`)}</Tag>,
    },
    ...(act
      ? [
          {
            key: 'act',
            title: '',
            render: (_: unknown, row: ComplaintDto) =>
              NEXT[row.status].length > 0 && <Button onClick={() => act(row)}>{t('complaint.act')}</Button>,
          },
        ]
      : []),
  ];
}

function HandleComplaint({ complaint, onClose }: { complaint: ComplaintDto; onClose: () => void }) {
  const { t } = useI18n();
  const change = useChangeComplaint();
  const [status, setStatus] = useState<NextStatus>(NEXT[complaint.status][0] ?? 'closed');
  const [response, setResponse] = useState('');
  const save = () =>
    change.mutate(
      { id: complaint.id, body: { status, response: response.trim() || null, version: complaint.version } },
      {
        onSuccess: () => {
          void message.success(t('complaint.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={complaint.description}
      onCancel={onClose}
      onOk={save}
      okText={t('complaint.save')}
      confirmLoading={change.isPending}
    >
      <Select<NextStatus>
        className="complaint-status-select"
        aria-label={t('complaint.status')}
        value={status}
        onChange={setStatus}
        options={NEXT[complaint.status].map((next) => ({ value: next, label: t(`complaint.status.${next}`) }))}
      />
      <Input.TextArea
        rows={4}
        aria-label={t('complaint.response')}
        placeholder={t('complaint.response')}
        value={response}
        onChange={(event) => setResponse(event.target.value)}
      />
      {change.isError && <Alert type="error" showIcon role="alert" message={errorText(change.error, t)} />}
    </Modal>
  );
}

/** HCS-9, SUP-2: complaints routed to the provider and the supervising region, with deadlines and overdue flags. */
export function ComplaintInboxPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [tab, setTab] = useState<Tab>('open');
  const [page, setPage] = useState(1);
  const [handling, setHandling] = useState<ComplaintDto | undefined>();
  const list = useComplaints({
    limit: 20,
    offset: (page - 1) * 20,
    ...(tab === 'open' ? { status: 'open' as const } : tab === 'overdue' ? { overdue: 'true' as const } : {}),
  });
  return (
    <section className="page" aria-labelledby="complaints-title">
      <Typography.Title level={2} id="complaints-title" className="page-title">
        {t('complaint.title')}
      </Typography.Title>
      <Segmented<Tab>
        size="large"
        value={tab}
        onChange={(value) => {
          setTab(value);
          setPage(1);
        }}
        options={[
          { value: 'open', label: t('complaint.tabOpen') },
          { value: 'overdue', label: t('complaint.tabOverdue') },
          { value: 'all', label: t('complaint.tabAll') },
        ]}
      />
      {list.isError && (
        <Alert type="error" showIcon role="alert" message={errorText(list.error, t)} className="page-alert" />
      )}
      <Card className="detail-card">
        <Table<ComplaintDto>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('complaint.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={columns(t, locale, can('complaint:respond') ? setHandling : undefined)}
        />
      </Card>
      {handling && <HandleComplaint complaint={handling} onClose={() => setHandling(undefined)} />}
    </section>
  );
}
