import { Button, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { MAX_OFFSET } from '@kangyang/contracts/common';
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

const OUTCOME_COLOURS: Readonly<Record<AuditEntryDto['outcome'], string>> = { success: 'green', denied: 'red', error: 'orange' };

function useColumns(onActor: (actorId: string) => void): TableColumnsType<AuditEntryDto> {
  const { t, locale } = useI18n();
  return [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: (at: string, entry) => (
        <span className="nowrap">
          {new Date(at).toLocaleString(locale)}{' '}
          {entry.sealed && (
            <Tooltip title={t('audit.sealed')}>
              <LockOutlined aria-label={t('audit.sealed')} />
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (name: string | null, entry) =>
        entry.actorId ? (
          <Button type="link" className="link-button" onClick={() => onActor(entry.actorId ?? '')} title={t('audit.filterActor')}>
            {name ?? entry.actorId}
          </Button>
        ) : (
          (name ?? t('common.none'))
        ),
    },
    { title: t('audit.role'), dataIndex: 'role', render: (role: string | null) => role ?? '' },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <code>{action}</code> },
    {
      title: t('audit.resource'),
      dataIndex: 'resourceType',
      render: (type: string, entry) => (
        <span className="nowrap">
          {type}
          {entry.resourceIds.length > 0 ? ` · ${entry.resourceIds[0]?.slice(0, 8) ?? ''}${entry.resourceIds.length > 1 ? ` +${entry.resourceIds.length - 1}` : ''}` : ''}
        </span>
      ),
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
            {JSON.stringify({ details: entry.details, resourceIds: entry.resourceIds, requestId: entry.requestId, chain: entry.chain, chainSeq: entry.chainSeq }, null, 2)}
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
        showTotal: () => t('list.total', { total }),
      }}
    />
  );
}
