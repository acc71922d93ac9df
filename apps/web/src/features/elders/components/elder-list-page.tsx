import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Grid, Input, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { QueryParams } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useElderPage } from '../api/elders-api.ts';
import { ElderFilters } from './elder-filters.tsx';
import { useElderListState } from './elder-list-state.ts';
import { ElderResults } from './elder-results.tsx';
import { parseSearchTerm } from './search-term.ts';

/** Title, export of the current filters and the new-elder button, each by permission. */
function ListHeader({ exportQuery }: { exportQuery: QueryParams }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <div className="page-header">
      <Typography.Title level={2} id="elder-list-title" className="page-title">
        {t('nav.elders')}
      </Typography.Title>
      <Space wrap>
        {can('elder:export') && (
          // the masked .xlsx of the current filters (REG-6, API-8); an exact ID/phone search is not part of it
          <DownloadButton path="/api/exports/elders.xlsx" query={exportQuery} fallbackName="elders.xlsx">
            {t('list.export')}
          </DownloadButton>
        )}
        {can('elder:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/elders/new')}>
            {t('elder.new')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** REG-1: find elders by name, ID or phone, with filters, paging and masked identifiers (ENC-3). */
export function ElderListPage() {
  const { t } = useI18n();
  const { regionCode, regionName } = useRegionScope();
  const state = useElderListState(regionCode);
  const result = useElderPage(state.request);
  const screens = Grid.useBreakpoint();
  const [searchError, setSearchError] = useState<string | null>(null);

  const search = (text: string) => {
    const term = parseSearchTerm(text);
    setSearchError(term.kind === 'partialNumber' ? t('list.partialNumber') : null);
    state.applySearch(term);
  };

  return (
    <section className="page" aria-labelledby="elder-list-title">
      <ListHeader exportQuery={state.exportQuery} />
      <Input.Search
        className="elder-search"
        size="large"
        enterButton={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchPlaceholder')}
        defaultValue={state.name}
        allowClear
        onSearch={search}
        status={searchError ? 'error' : undefined}
        autoComplete="off"
        maxLength={60}
      />
      {searchError && (
        <div className="field-error" role="alert">
          {searchError}
        </div>
      )}
      <ElderFilters value={state.filters} onChange={state.setFilters} />
      <div className="active-scope">
        <Tag className="tag-large">{regionName ?? t('region.allInScope')}</Tag>
        {state.exact && (
          <Tag className="tag-large" color="blue">
            {t(state.exact.kind === 'idNumber' ? 'list.exactId' : 'list.exactPhone')}
          </Tag>
        )}
      </div>
      {result.isError && <Alert type="error" showIcon message={errorText(result.error, t)} />}
      <ElderResults
        items={result.data?.items ?? []}
        total={result.data?.total ?? 0}
        loading={result.isFetching}
        narrow={!screens.md}
        paging={{ page: state.page, pageSize: state.pageSize, onChange: state.setPage }}
      />
    </section>
  );
}
