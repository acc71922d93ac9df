import '../dashboards.css';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Result, Select, Space, Spin, Typography } from 'antd';
import { DesktopOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { IndicatorItemDto, IndicatorList } from '@kangyang/contracts/indicators';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { DownloadButton } from '../../../shared/download-button.tsx';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useProfiles } from '../../profiles/api/profiles-api.ts';
import { usePlanIndicators } from '../api/dashboards-api.ts';
import { refreshedText } from './indicator-format.ts';
import { IndicatorDrawer } from './indicator-drawer.tsx';
import { IndicatorTable } from './indicator-table.tsx';
import { RefreshButton } from './refresh-button.tsx';
import { StatusSummary } from './status-summary.tsx';

const DEFAULT_PROFILE = '001';

/** KPI-5: progress against every target of one plan, for the region chosen in the top bar. */
export function PlanPage() {
  const { profileId = DEFAULT_PROFILE } = useParams();
  const { t } = useI18n();
  const { regionCode, setRegion } = useRegionScope();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [drill, setDrill] = useState<IndicatorItemDto | undefined>(undefined);
  const indicators = usePlanIndicators(profileId, regionCode, year);
  if (indicators.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (indicators.isError) {
    const missing = isApiError(indicators.error) && indicators.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('plan.notFound') : t('plan.loadFailed')}
        subTitle={missing ? undefined : errorText(indicators.error, t)}
      />
    );
  }
  const list = indicators.data;
  return (
    <section className="page plan-page" aria-labelledby="plan-title">
      <PlanHeader list={list} year={year} onYear={setYear} />
      {indicators.isFetching && !indicators.isPending && <Spin size="small" aria-label={t('common.loading')} />}
      <Card className="detail-card">
        <StatusSummary items={list.items} />
      </Card>
      <Card className="detail-card">
        <IndicatorTable items={list.items} onDrill={setDrill} />
      </Card>
      {drill && (
        <IndicatorDrawer
          item={drill}
          region={regionCode}
          year={year}
          onClose={() => setDrill(undefined)}
          onRegion={(region) => {
            setDrill(undefined);
            setRegion(region);
          }}
        />
      )}
    </section>
  );
}

type HeaderProps = { list: IndicatorList; year: number | undefined; onYear: (year: number) => void };

function PlanHeader({ list, year, onYear }: HeaderProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const profiles = useProfiles();
  const years = [
    ...new Set([list.year, ...list.items.flatMap((item) => item.targets.map((target) => target.year ?? list.year))]),
  ].sort();
  const title = (id: string) => profiles.data?.items.find((item) => item.id === id)?.title;
  const name = title(list.profileId);
  return (
    <>
      <div className="page-header">
        <Typography.Title level={2} id="plan-title" className="page-title">
          {name ? t('plan.titleOf', { title: locale === 'zh-CN' ? name.zh : name.en }) : t('plan.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('plan.choose')}
            value={list.profileId}
            style={{ minWidth: 240 }}
            onChange={(id: string) => void navigate(`/plans/${id}`)}
            options={(profiles.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.id} ${locale === 'zh-CN' ? item.title.zh : item.title.en}`,
            }))}
          />
          <Select
            aria-label={t('plan.year')}
            value={year ?? list.year}
            onChange={onYear}
            options={years.map((value) => ({ value, label: t('plan.yearOption', { year: value }) }))}
          />
        </Space>
      </div>
      <PlanMeta list={list} year={year} />
      {list.items.length === 0 && <Alert type="info" showIcon message={t('plan.noIndicators')} />}
    </>
  );
}

/** Region, time of the last refresh, the exports and the command centre. */
function PlanMeta({ list, year }: { list: IndicatorList; year: number | undefined }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = { region: list.regionCode, year: year ?? list.year };
  return (
    <div className="plan-meta">
      <Typography.Text>
        {t('plan.region')}: <strong>{list.regionName}</strong>
      </Typography.Text>
      <Typography.Text>
        {t('indicator.lastRefresh')}: <strong>{refreshedText(list.lastRefreshedAt, locale, t)}</strong>
      </Typography.Text>
      <Space wrap>
        <DownloadButton
          path={`/api/plans/${list.profileId}/indicators.xlsx`}
          query={query}
          fallbackName={`plan-${list.profileId}-${list.regionCode}.xlsx`}
        >
          {t('plan.exportXlsx')}
        </DownloadButton>
        <DownloadButton
          path={`/api/plans/${list.profileId}/report.pdf`}
          query={query}
          fallbackName={`plan-${list.profileId}-${list.regionCode}.pdf`}
        >
          <FilePdfOutlined /> {t('plan.exportPdf')}
        </DownloadButton>
        {can('indicator:report') && <RefreshButton />}
        <Button icon={<DesktopOutlined />} onClick={() => void navigate(`/command-centre?plan=${list.profileId}`)}>
          {t('command.open')}
        </Button>
      </Space>
    </div>
  );
}
