import { useState } from 'react';
import { App, Button, Table, Tag, type TableColumnsType } from 'antd';
import type { LedgerEntryDto } from '@kangyang/contracts/ledger';
import type { Programme } from '@kangyang/domain/eligibility';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useReverseEntry } from '../api/ledger-api.ts';
import { ReverseDialog } from './reverse-dialog.tsx';
import { signedYuan } from './money.ts';

const KIND_COLOURS: Readonly<Record<LedgerEntryDto['kind'], string>> = {
  payment: 'blue',
  reversal: 'orange',
  recovery: 'red',
};
const STATE_COLOURS: Readonly<Record<LedgerEntryDto['state'], string>> = {
  computed: 'default',
  approved: 'blue',
  paid: 'green',
  failed: 'red',
  posted: 'purple',
};

type Props = {
  elderId: string;
  entries: LedgerEntryDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
};

/** Every entry as written (append-only); reversed ones are tagged, and a reader with ledger:approve may reverse. */
export function LedgerEntryTable({ elderId, entries, total, page, pageSize, loading, onPage }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const reverse = useReverseEntry(elderId);
  const [target, setTarget] = useState<LedgerEntryDto | undefined>();
  const reversible = (entry: LedgerEntryDto) => can('ledger:approve') && entry.kind !== 'reversal' && !entry.reversed;
  return (
    <>
      <Table<LedgerEntryDto>
        className="ledger-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={entries}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ledger.noBalances') }}
        pagination={{ current: page, pageSize, total, showSizeChanger: false, onChange: onPage }}
        columns={entryColumns(t, locale, reversible, setTarget)}
      />
      <ReverseDialog
        entry={target}
        busy={reverse.isPending}
        onCancel={() => setTarget(undefined)}
        onConfirm={(reason) => {
          if (!target) return;
          reverse.mutate(
            { entryId: target.id, reason },
            {
              onSuccess: () => {
                void message.success(t('ledger.reverseDone'));
                setTarget(undefined);
              },
              onError: (error) => void message.error(errorText(error, t)),
            },
          );
        }}
      />
    </>
  );
}

function entryColumns(
  t: Translate,
  locale: string,
  reversible: (entry: LedgerEntryDto) => boolean,
  onReverse: (entry: LedgerEntryDto) => void,
): TableColumnsType<LedgerEntryDto> {
  return [
    { title: t('ledger.period'), dataIndex: 'period', className: 'nowrap' },
    { title: t('run.programme'), dataIndex: 'programme', render: (p: Programme) => t(`programme.${p}`) },
    {
      title: t('ledger.kind'),
      dataIndex: 'kind',
      render: (_kind: LedgerEntryDto['kind'], entry) => <KindTags entry={entry} />,
    },
    {
      title: t('ledger.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number, entry) => (
        <span className={`nowrap amount${entry.reversed ? ' struck' : ''}`}>{signedYuan(fen)}</span>
      ),
    },
    {
      title: t('ledger.payer'),
      dataIndex: 'payer',
      render: (payer: LedgerEntryDto['payer'], entry) => `${t(`payer.${payer}`)} ${entry.basisPoints / 100}%`,
    },
    {
      title: t('ledger.state'),
      dataIndex: 'state',
      render: (state: LedgerEntryDto['state']) => <Tag color={STATE_COLOURS[state]}>{t(`entryState.${state}`)}</Tag>,
    },
    { title: t('ledger.clause'), dataIndex: 'clause', render: (clause: string) => <Tag>{clause}</Tag> },
    {
      title: t('ledger.reason'),
      dataIndex: 'reason',
      render: (r: string) => (
        <span className="entry-reason" title={reasonOf(r, t)}>
          {reasonOf(r, t)}
        </span>
      ),
    },
    {
      title: t('ledger.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => <span className="nowrap">{new Date(at).toLocaleDateString(locale)}</span>,
    },
    {
      title: '',
      key: 'reverse',
      fixed: 'right',
      render: (_value, entry) =>
        reversible(entry) && (
          <Button size="small" danger onClick={() => onReverse(entry)}>
            {t('ledger.reverse')}
          </Button>
        ),
    },
  ];
}

/** A run's reason code in words (`ENTITLEMENT`, `ALLOWANCE_AMOUNT:senior`); a person's written reason as is. */
function reasonOf(reason: string, t: Translate): string {
  const code = reason.split(':')[0];
  if (code === 'ENTITLEMENT') return t('entryReason.ENTITLEMENT');
  if (code === 'ALLOWANCE_AMOUNT') return t('entryReason.ALLOWANCE_AMOUNT');
  return reason;
}

function KindTags({ entry }: { entry: LedgerEntryDto }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={KIND_COLOURS[entry.kind]}>{t(`entryKind.${entry.kind}`)}</Tag>
      {entry.reversed && <Tag>{t('ledger.reversedTag')}</Tag>}
    </>
  );
}
