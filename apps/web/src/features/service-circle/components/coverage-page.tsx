import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CommunityCoverageDto, CoverageList, UncoveredElderDto } from '@kangyang/contracts/coverage';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useCoverage, useRefreshCoverage, useUncovered } from '../api/coverage-api.ts';

const percent = (basisPoints: number): number => Math.round(basisPoints) / 100;

function communityColumns(t: Translate): TableColumnsType<CommunityCoverageDto> {
  return [
    {
      key: 'community',
      title: t('coverage.community'),
      render: (_: unknown, row) => row.communityName ?? row.communityCode,
    },
    { key: 'elders', dataIndex: 'elders', title: t('coverage.elders'), align: 'right' },
    { key: 'located', dataIndex: 'located', title: t('coverage.located'), align: 'right' },
    { key: 'covered', dataIndex: 'covered', title: t('coverage.covered'), align: 'right' },
    {
      key: 'share',
      dataIndex: 'shareBasisPoints',
      title: t('coverage.share'),
      sorter: (left, right) => left.shareBasisPoints - right.shareBasisPoints,
      render: (basisPoints: number) => (
        <Progress
          percent={percent(basisPoints)}
          size="small"
          status={basisPoints < 8000 ? 'exception' : 'normal'}
          className="coverage-share"
        />
      ),
    },
    { key: 'sites', dataIndex: 'sites', title: t('coverage.sites'), align: 'right' },
  ];
}

function uncoveredColumns(t: Translate): TableColumnsType<UncoveredElderDto> {
  return [
    { key: 'name', dataIndex: 'name', title: t('coverage.name') },
    { key: 'age', dataIndex: 'age', title: t('coverage.age'), align: 'right' },
    {
      key: 'nearest',
      title: t('coverage.nearest'),
      render: (_: unknown, row) => row.nearestSiteName ?? t('coverage.none'),
    },
    {
      key: 'distance',
      dataIndex: 'nearestMetres',
      title: t('coverage.distance'),
      align: 'right',
      render: (metres: number | null) => (metres === null ? '—' : t('coverage.metres', { metres })),
    },
  ];
}

function UncoveredList({ community }: { community: CommunityCoverageDto }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useUncovered(community.communityCode, { limit: 20, offset: (page - 1) * 20 });
  const title = t('coverage.uncoveredTitle', {
    community: community.communityName ?? community.communityCode,
    count: list.data?.total ?? community.located - community.covered,
  });
  return (
    <Card className="detail-card" title={title}>
      {list.isError && <Alert type="error" showIcon role="alert" message={errorText(list.error, t)} />}
      <Table<UncoveredElderDto>
        rowKey="elderId"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={uncoveredColumns(t)}
      />
    </Card>
  );
}

/** The circle's distance, the overall share, and (for those allowed) a recompute now. */
function CoverageHeader(props: { coverage: CoverageList | undefined; county: string; metres: number }) {
  const { coverage, county, metres } = props;
  const { t } = useI18n();
  const { can } = useSession();
  const refresh = useRefreshCoverage();
  const runRefresh = () =>
    refresh.mutate(county, {
      onSuccess: (done) =>
        void message.success(t('coverage.refreshed', { elders: done.elders, sites: done.sites, ms: done.computeMs })),
    });
  return (
    <>
      <Typography.Paragraph>{t('coverage.intro', { metres })}</Typography.Paragraph>
      <Space wrap size="large">
        {coverage && (
          <Typography.Text strong className="coverage-total">
            {t('coverage.total', { share: `${percent(coverage.totals.shareBasisPoints)}%` })}
          </Typography.Text>
        )}
        {can('coverage:refresh') && county.length === 6 && (
          <Button onClick={runRefresh} loading={refresh.isPending}>
            {t('coverage.refresh')}
          </Button>
        )}
      </Space>
      {refresh.isError && <Alert type="error" showIcon role="alert" message={errorText(refresh.error, t)} />}
    </>
  );
}

/** HCS-10: the 15-minute service circle per community (from the nightly rollup) and the elders outside it. */
export function CoveragePage() {
  const { t } = useI18n();
  const { regionCode } = useRegionScope();
  const coverage = useCoverage(regionCode);
  const [picked, setPicked] = useState<CommunityCoverageDto | undefined>();
  const items = coverage.data?.items ?? [];
  const county = (regionCode ?? items[0]?.communityCode ?? '').slice(0, 6);
  const metres = items[0]?.metres ?? 1000;
  return (
    <section className="page" aria-labelledby="coverage-title">
      <Typography.Title level={2} id="coverage-title" className="page-title">
        {t('coverage.title')}
      </Typography.Title>
      <CoverageHeader coverage={coverage.data} county={county} metres={metres} />
      {coverage.isError && (
        <Alert type="error" showIcon role="alert" className="page-alert" message={errorText(coverage.error, t)} />
      )}
      <Card className="detail-card">
        <Table<CommunityCoverageDto>
          rowKey="communityCode"
          size="middle"
          loading={coverage.isFetching}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('coverage.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          onRow={(row) => ({ onClick: () => setPicked(row), style: { cursor: 'pointer' } })}
          rowClassName={(row) => (row.communityCode === picked?.communityCode ? 'ant-table-row-selected' : '')}
          columns={communityColumns(t)}
        />
      </Card>
      {picked ? (
        <UncoveredList key={picked.communityCode} community={picked} />
      ) : (
        <Typography.Text type="secondary">{t('coverage.pickCommunity')}</Typography.Text>
      )}
    </section>
  );
}
