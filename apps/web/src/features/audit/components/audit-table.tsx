import { Button, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { MAX_OFFSET } from '@kangyang/contracts/common';
import { isRole } from '@kangyang/domain/access';
import type { AuditEntryDto } from '@kangyang/contracts/audit';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

type Props = {
  items: readonly AuditEntryDto[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onActor: (actorId: string) => void;
};

const OUTCOME_COLOURS: Readonly<Record<AuditEntryDto['outcome'], string>> = {
  success: 'green',
  denied: 'red',
  error: 'orange',
};

/** When, in the user's language; a lock once the entry is sealed into the hash chain (AUD-4). */
function EntryTime({ entry }: { entry: AuditEntryDto }) {
  const { t, locale } = useI18n();
  return (
    <span className="nowrap">
      {new Date(entry.at).toLocaleString(locale)}{' '}
      {entry.sealed && (
        <Tooltip title={t('audit.sealed')}>
          <LockOutlined aria-label={t('audit.sealed')} />
        </Tooltip>
      )}
    </span>
  );
}

/** Who; a click filters the log by them. */
function EntryActor({ entry, onActor }: { entry: AuditEntryDto; onActor: (actorId: string) => void }) {
  const { t } = useI18n();
  const { actorId } = entry;
  if (!actorId) return <>{entry.actorName ?? t('common.none')}</>;
  return (
    <Button type="link" className="link-button" onClick={() => onActor(actorId)} title={t('audit.filterActor')}>
      {entry.actorName ?? actorId}
    </Button>
  );
}

const resourceText = (entry: AuditEntryDto) => {
  const [first] = entry.resourceIds;
  if (!first) return entry.resourceType;
  const more = entry.resourceIds.length > 1 ? ` +${entry.resourceIds.length - 1}` : '';
  return `${entry.resourceType} · ${first.slice(0, 8)}${more}`;
};

function useColumns(onActor: (actorId: string) => void): TableColumnsType<AuditEntryDto> {
  const { t } = useI18n();
  return [
    { title: t('audit.at'), dataIndex: 'at', render: (_at: string, entry) => <EntryTime entry={entry} /> },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (_name: string | null, entry) => <EntryActor entry={entry} onActor={onActor} />,
    },
    {
      title: t('audit.role'),
      dataIndex: 'role',
      render: (role: string | null) => (role && isRole(role) ? t(`role.${role}`) : (role ?? '')),
    },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <code>{action}</code> },
    {
      title: t('audit.resource'),
      dataIndex: 'resourceType',
      render: (_type: string, entry) => <span className="nowrap">{resourceText(entry)}</span>,
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: AuditEntryDto['outcome']) => (
        <Tag color={OUTCOME_COLOURS[outcome]} className="tag-large">
          {t(`outcome.${outcome}`)}
        </Tag>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '' },
  ];
}

export function AuditTable({ items, total, loading, page, pageSize, onPage, onActor }: Props) {
  const { t } = useI18n();
  const columns = useColumns(onActor);
  return (
    <Table<AuditEntryDto>
      rowKey={(entry) => `${entry.chain}:${entry.id}`}
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      scroll={{ x: 'max-content' }}
      size="middle"
      className="audit-table"
      expandable={{
        expandedRowRender: (entry) => (
          <pre className="audit-details">
            {JSON.stringify(
              {
                details: entry.details,
                resourceIds: entry.resourceIds,
                requestId: entry.requestId,
                chain: entry.chain,
                chainSeq: entry.chainSeq,
              },
              null,
              2,
            )}
          </pre>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total: Math.min(total, MAX_OFFSET + pageSize),
        onChange: onPage,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: () => t('audit.total', { total }),
      }}
    />
  );
}
