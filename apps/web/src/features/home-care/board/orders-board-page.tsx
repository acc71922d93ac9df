import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Select, Table, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { ORDER_STATUSES, type OrderDto, type OrderStatus } from '@kangyang/contracts/home-care';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useAlerts, useOrderPage } from '../api/orders-api.ts';
import { CandidateTable } from '../intake/order-outcome.tsx';
import { ClockTag } from './clock-tag.tsx';
import './home-care.css';

const PAGE = 20;
const time = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });

/** Clock and visit alerts (HCS-5, HCS-6), newest first. */
function AlertPanel() {
  const { t, locale } = useI18n();
  const alerts = useAlerts();
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="board-alerts"
      message={t('orders.alerts', { count: alerts.data?.total ?? items.length })}
      description={
        <ul>
          {items.slice(0, 8).map((alert) => (
            <li key={alert.id}>
              <Tag color={alert.kind === 'breached' || alert.kind === 'missed' ? 'red' : 'orange'}>
                {t(`orders.alertKind.${alert.kind}`)}
              </Tag>
              {alert.elderName} · {alert.serviceName}
              {alert.workerName ? ` · ${alert.workerName}` : ''} · {time(alert.raisedAt, locale)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function useColumns() {
  const { t, locale } = useI18n();
  return [
    { title: t('orders.createdAt'), render: (_: unknown, row: OrderDto) => time(row.createdAt, locale), width: 130 },
    { title: t('intake.elder'), dataIndex: 'elderName', width: 100 },
    { title: t('intake.service'), dataIndex: 'serviceName', width: 180 },
    {
      title: t('intake.urgency'),
      width: 110,
      render: (_: unknown, row: OrderDto) =>
        row.urgency === 'urgent' ? <Tag color="red">{t('intake.urgent')}</Tag> : t('intake.routine'),
    },
    {
      title: t('orders.channel'),
      width: 120,
      render: (_: unknown, row: OrderDto) => t(`orders.channelName.${row.channel}`),
    },
    {
      title: t('orders.status'),
      width: 90,
      render: (_: unknown, row: OrderDto) => t(`orders.statusName.${row.status}`),
    },
    {
      title: t('orders.worker'),
      width: 140,
      render: (_: unknown, row: OrderDto) => row.workerName ?? row.providerName ?? '—',
    },
    { title: t('orders.clock'), width: 190, render: (_: unknown, row: OrderDto) => <ClockTag clock={row.clock} /> },
  ];
}

/** How many orders of this page are on time, at risk, breached (HCS-5). */
function ClockCounts({ orders }: { orders: readonly OrderDto[] }) {
  const { t } = useI18n();
  const statuses = ['onTime', 'atRisk', 'breached'] as const;
  const colour = { onTime: 'blue', atRisk: 'orange', breached: 'red' } as const;
  return (
    <div className="board-counts" role="status">
      {statuses.map((status) => (
        <Tag key={status} color={colour[status]} className="tag-large">
          {t(`orders.clockStatus.${status}`)} {orders.filter((order) => order.clock.status === status).length}
        </Tag>
      ))}
    </div>
  );
}

/** Operators' board (HCS-4, HCS-5): today's orders with their clocks; an open one shows its candidates. */
export function OrdersBoardPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { regionCode } = useRegionScope();
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const orders = useOrderPage({ limit: PAGE, offset, status, regionCode: regionCode ?? undefined });
  const columns = useColumns();
  return (
    <section className="page" aria-labelledby="orders-title">
      <div className="page-header">
        <Typography.Title level={2} id="orders-title" className="page-title">
          {t('nav.orders')}
        </Typography.Title>
        {can('order:write') && (
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => void navigate('/intake')}>
            {t('nav.intake')}
          </Button>
        )}
      </div>
      <AlertPanel />
      <div className="board-filters">
        <Select<OrderStatus>
          allowClear
          aria-label={t('orders.status')}
          placeholder={t('orders.allStatuses')}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setOffset(0);
          }}
          options={ORDER_STATUSES.map((value) => ({ value, label: t(`orders.statusName.${value}`) }))}
        />
      </div>
      <ClockCounts orders={orders.data?.items ?? []} />
      {orders.isError && <Alert type="error" showIcon message={errorText(orders.error, t)} className="page-alert" />}
      <Table<OrderDto>
        rowKey="id"
        loading={orders.isFetching && !orders.data}
        dataSource={orders.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        className="orders-table"
        expandable={{
          rowExpandable: (row) => row.status === 'open' || row.status === 'offered',
          expandedRowRender: (row) => <CandidateTable orderId={row.id} />,
        }}
        pagination={{
          current: offset / PAGE + 1,
          pageSize: PAGE,
          total: orders.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('orders.total', { total }),
          onChange: (page) => setOffset((page - 1) * PAGE),
        }}
      />
    </section>
  );
}
