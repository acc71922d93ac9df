import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Result, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ProgrammeBalanceDto } from '@kangyang/contracts/ledger';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useElderName } from '../../eligibility/api/eligibility-api.ts';
import { useElderLedger } from '../api/ledger-api.ts';
import { LedgerEntryTable } from './ledger-entry-table.tsx';
import { yuan } from './money.ts';
import './ledger.css';

const PAGE_SIZE = 20;

/** SUB-10: one elder's subsidy ledger — balances by programme, and every entry with its reversals. */
export function ElderLedgerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const ledger = useElderLedger(id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const name = useElderName(id, can('elder:read'));
  if (ledger.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (ledger.isError) {
    const missing = isApiError(ledger.error) && ledger.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('elder.notFoundTitle') : t('ledger.loadFailed')}
        subTitle={missing ? t('elder.notFoundText') : errorText(ledger.error, t)}
      />
    );
  }
  const data = ledger.data;
  return (
    <section className="page" aria-labelledby="ledger-title">
      <div className="page-header">
        <Typography.Title level={2} id="ledger-title" className="page-title">
          {t('ledger.title', { name: name.data?.name ?? '' })}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/elders/${id}`)}>
          {t('ledger.backToElder')}
        </Button>
      </div>
      <Card title={t('ledger.balances')} className="detail-card">
        <BalanceTable balances={data.balances} />
      </Card>
      <Card title={t('ledger.entries')} className="detail-card">
        <LedgerEntryTable
          elderId={id}
          entries={data.entries}
          total={data.total}
          page={page}
          pageSize={PAGE_SIZE}
          loading={ledger.isFetching}
          onPage={setPage}
        />
      </Card>
    </section>
  );
}

function BalanceTable({ balances }: { balances: ProgrammeBalanceDto[] }) {
  const { t } = useI18n();
  const money = (fen: number) => <span className="nowrap amount">{yuan(fen)}</span>;
  return (
    <Table<ProgrammeBalanceDto>
      className="balance-table"
      rowKey="programme"
      size="middle"
      pagination={false}
      dataSource={balances}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('ledger.noBalances') }}
      columns={[
        {
          title: t('run.programme'),
          dataIndex: 'programme',
          render: (p: ProgrammeBalanceDto['programme']) => t(`programme.${p}`),
        },
        { title: t('ledger.paid'), dataIndex: 'paidFen', align: 'right', render: money },
        { title: t('ledger.reversed'), dataIndex: 'reversedFen', align: 'right', render: money },
        { title: t('ledger.recovered'), dataIndex: 'recoveredFen', align: 'right', render: money },
        {
          title: t('ledger.balance'),
          dataIndex: 'balanceFen',
          align: 'right',
          render: (fen: number) => <strong>{money(fen)}</strong>,
        },
        { title: t('ledger.pending'), dataIndex: 'pendingFen', align: 'right', render: money },
      ]}
    />
  );
}
