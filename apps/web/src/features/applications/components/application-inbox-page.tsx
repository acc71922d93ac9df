import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import type { ApplicationListItem, ApplicationState } from '@kangyang/contracts/application';
import type { TableColumnsType } from 'antd';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useApplicationPage } from '../api/applications-api.ts';
import { ApplicationDrawer } from './application-drawer.tsx';
import { STATE_COLOURS } from './state-colours.ts';
import '../../ledger/components/ledger.css';

type Tab = ApplicationState | 'all';
const TABS: readonly { value: Tab; label: MessageKey }[] = [
  { value: 'submitted', label: 'inbox.tabSubmitted' },
  { value: 'streetPassed', label: 'inbox.tabStreetPassed' },
  { value: 'approved', label: 'inbox.tabApproved' },
  { value: 'refused', label: 'inbox.tabRefused' },
  { value: 'all', label: 'inbox.tabAll' },
];

/** What waits for me: the street reviews submitted applications, the district approves passed ones. */
function firstTab(can: (permission: 'application:review' | 'application:approve') => boolean): Tab {
  if (can('application:review')) return 'submitted';
  if (can('application:approve')) return 'streetPassed';
  return 'all';
}

/** POL-5: the application inbox of the street and the district, with each application's steps. */
export function ApplicationInboxPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [tab, setTab] = useState<Tab>(() => firstTab(can));
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | undefined>();
  const result = useApplicationPage({
    ...(tab === 'all' ? {} : { state: tab }),
    limit: paging.pageSize,
    offset: (paging.page - 1) * paging.pageSize,
  });
  const actionable = (state: ApplicationState) =>
    (state === 'submitted' && can('application:review')) || (state === 'streetPassed' && can('application:approve'));
  return (
    <section className="page" aria-labelledby="inbox-title">
      <Typography.Title level={2} id="inbox-title" className="page-title">
        {t('inbox.title')}
      </Typography.Title>
      <Segmented<Tab>
        className="inbox-tabs"
        size="large"
        value={tab}
        onChange={(value) => {
          setTab(value);
          setPaging((previous) => ({ ...previous, page: 1 }));
        }}
        options={TABS.map((entry) => ({ value: entry.value, label: t(entry.label) }))}
      />
      {result.isError && (
        <Alert type="error" showIcon role="alert" message={errorText(result.error, t)} className="page-alert" />
      )}
      <Card className="detail-card">
        <Table<ApplicationListItem>
          className="inbox-table"
          rowKey="id"
          size="middle"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('inbox.empty') }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setPaging((previous) => ({ ...previous, page })),
          }}
          columns={inboxColumns(t, locale, actionable, setOpenId)}
        />
      </Card>
      <ApplicationDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </section>
  );
}

function inboxColumns(
  t: Translate,
  locale: string,
  actionable: (state: ApplicationState) => boolean,
  onOpen: (id: string) => void,
): TableColumnsType<ApplicationListItem> {
  return [
    {
      title: t('inbox.elder'),
      dataIndex: 'elderName',
      render: (name: string | null, row) => <Link to={`/elders/${row.elderId}`}>{name ?? row.elderId}</Link>,
    },
    {
      title: t('inbox.programme'),
      dataIndex: 'programme',
      render: (value: ApplicationListItem['programme']) => t(`programme.${value}`),
    },
    {
      title: t('inbox.region'),
      dataIndex: 'regionCode',
      render: (code: string) => <span className="identifier">{code}</span>,
    },
    {
      title: t('inbox.applicant'),
      dataIndex: 'applicantKind',
      render: (kind: ApplicationListItem['applicantKind']) => t(`applicantKind.${kind}`),
    },
    {
      title: t('inbox.submittedAt'),
      dataIndex: 'createdAt',
      render: (at: string) => <span className="nowrap">{new Date(at).toLocaleString(locale)}</span>,
    },
    {
      title: t('inbox.state'),
      dataIndex: 'state',
      render: (state: ApplicationState) => (
        <Tag color={STATE_COLOURS[state]} className="tag-large">
          {t(`applicationState.${state}`)}
        </Tag>
      ),
    },
    {
      title: '',
      key: 'open',
      render: (_value, row) => (
        <Button type={actionable(row.state) ? 'primary' : 'default'} onClick={() => onOpen(row.id)}>
          {actionable(row.state) ? t('inbox.open') : t('inbox.view')}
        </Button>
      ),
    },
  ];
}
