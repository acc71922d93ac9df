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
/** A `datetime-local` value (the browser's time zone) as an ISO instant; anything else is left for the schema to refuse. */
function instant(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One field takes either an account id (clicked in the table) or a login name (typed). */
const actorOf = (text: string | undefined) =>
  text === undefined ? {} : UUID.test(text) ? { actorId: text } : { actorName: text };

type Checked = { ok: true; filters: Filters } | { ok: false; fields: (typeof FILTER_FIELDS)[number][] };

/** The form's values as an AuditSearchBody, checked with the server's schema. */
function filtersOf(values: AuditFilterValues): Checked {
  const parsed = AuditSearchBody.safeParse({
    ...actorOf(trimmed(values.actorId)),
    action: trimmed(values.action),
    outcome: values.outcome,
    from: instant(values.from),
    to: instant(values.to),
    elderIdNumber: trimmed(values.elderIdNumber)?.toUpperCase(),
  });
  if (parsed.success) {
    const { limit: _limit, offset: _offset, ...filters } = parsed.data;
    return { ok: true, filters };
  }
  return {
    ok: false,
    fields: parsed.error.issues.map((issue) => FILTER_FIELDS.find((field) => field === issue.path[0]) ?? 'actorId'),
  };
}

/** PLT-3: the auditor's view of the hash-chained audit log, with filters and paging. */
export function AuditLogPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const body: AuditSearchBody = { ...filters, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
  const result = useAuditSearch(body);

  const search = (values: AuditFilterValues) => {
    const checked = filtersOf(values);
    if (!checked.ok) {
      form.setFields(checked.fields.map((name) => ({ name, errors: [t('form.invalidFormat')] })));
      return;
    }
    setFilters(checked.filters);
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
      {result.isError && (
        <Alert type="error" showIcon role="alert" message={errorText(result.error, t)} className="page-alert" />
      )}
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
