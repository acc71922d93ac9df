import { useState } from 'react';
import { Alert, Card, Form, Typography } from 'antd';
import { AuditSearchBody } from '@kangyang/contracts/audit';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useAuditSearch } from '../api/audit-api.ts';
import { AuditFilters, type AuditFilterValues } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';

const FILTER_FIELDS = ['actorId', 'action', 'outcome', 'from', 'to', 'elderIdNumber'] as const;
type Filters = Omit<AuditSearchBody, 'limit' | 'offset'>;

const trimmed = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : undefined);
/** A `datetime-local` value (the browser's time zone) as an ISO instant. */
const instant = (text: string | undefined) => (text ? new Date(text).toISOString() : undefined);

/** PLT-3: the auditor's view of the hash-chained audit log, with filters and paging. */
export function AuditLogPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const body: AuditSearchBody = { ...filters, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
  const result = useAuditSearch(body);

  const search = (values: AuditFilterValues) => {
    const candidate = {
      actorId: trimmed(values.actorId),
      action: trimmed(values.action),
      outcome: values.outcome,
      from: instant(values.from),
      to: instant(values.to),
      elderIdNumber: trimmed(values.elderIdNumber)?.toUpperCase(),
    };
    const parsed = AuditSearchBody.safeParse(candidate);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({ name: FILTER_FIELDS.find((field) => field === issue.path[0]) ?? 'actorId', errors: [t('form.invalidFormat')] })),
      );
      return;
    }
    const { limit: _limit, offset: _offset, ...next } = parsed.data;
    setFilters(next);
    setPaging((previous) => ({ ...previous, page: 1 }));
  };
  const reset = () => {
    form.resetFields();
    setFilters({});
    setPaging((previous) => ({ ...previous, page: 1 }));
  };
  const filterByActor = (actorId: string) => {
    form.setFieldValue('actorId', actorId);
    search(form.getFieldsValue());
  };

  return (
    <section className="page" aria-labelledby="audit-title">
      <Typography.Title level={2} id="audit-title" className="page-title">
        {t('nav.audit')}
      </Typography.Title>
      <Card className="filter-card">
        <AuditFilters form={form} onSearch={search} onReset={reset} />
      </Card>
      {result.isError && <Alert type="error" showIcon role="alert" message={errorText(result.error, t)} className="page-alert" />}
      <AuditTable
        items={result.data?.items ?? []}
        total={result.data?.total ?? 0}
        loading={result.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
        onActor={filterByActor}
      />
    </section>
  );
}
