import '../dashboards.css';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Col, ConfigProvider, Row, Space, Spin, theme, Typography, type ThemeConfig } from 'antd';
import { FONT_FAMILY } from '../../../app/theme.ts';
import { CloseOutlined, ExpandOutlined } from '@ant-design/icons';
import type { IndicatorList } from '@kangyang/contracts/indicators';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import {
  REFRESH_MS,
  useDashboardRegion,
  useOverviewTrend,
  usePlanIndicators,
  useRegionOverview,
} from '../api/dashboards-api.ts';
import { indicatorTargetText, indicatorValueText, refreshedText } from './indicator-format.ts';
import { AlertList, OverviewCharts, OverviewFigures } from './overview-parts.tsx';
import { OverviewTrendChart } from './overview-trend.tsx';
import { StatusSummary } from './status-summary.tsx';
import { StatusTag } from './status-tag.tsx';

/** Not inherited from the light app theme (its explicit dark text colours would vanish on black). */
const DARK: ThemeConfig = {
  inherit: false,
  algorithm: theme.darkAlgorithm,
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: 20,
    fontSizeHeading1: 44,
    fontSizeHeading2: 32,
    colorPrimary: '#4d8bf5',
    colorBgContainer: '#141b26',
    colorText: '#f5f7fa',
    colorTextSecondary: '#d9dee7',
    colorTextDescription: '#d9dee7',
    colorBorder: '#5b6472',
  },
};

/** KPI-9: the command centre: full screen, dark, large type; every figure refreshes itself each minute. */
export function CommandCentrePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = useDashboardRegion();
  const overview = useRegionOverview(region.code, REFRESH_MS);
  const trend = useOverviewTrend(region.code, REFRESH_MS);
  const plan = usePlanIndicators(params.get('plan') ?? '001', region.code, undefined);
  const now = useClock();
  const error = overview.error ?? plan.error;
  return (
    <ConfigProvider theme={DARK}>
      <div className="command-centre" role="region" aria-labelledby="command-title">
        <header className="command-centre__header">
          <Typography.Title level={1} id="command-title">
            {t('command.title')}
            {overview.data ? ` · ${overview.data.regionName}` : ''}
          </Typography.Title>
          <Space size="large" wrap>
            <span className="command-centre__clock">{now.toLocaleString(locale, { timeStyle: 'short' })}</span>
            <span>
              {t('indicator.lastRefresh')}: {refreshedText(overview.data?.lastRefreshedAt ?? null, locale, t)}
            </span>
            <Button size="large" icon={<ExpandOutlined />} onClick={() => void toggleFullScreen()}>
              {t('command.fullScreen')}
            </Button>
            <Button
              size="large"
              icon={<CloseOutlined />}
              onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/overview'))}
            >
              {t('command.exit')}
            </Button>
          </Space>
        </header>
        {error && <div className="command-centre__error">{errorText(error, t)}</div>}
        {!overview.data && !error && <Spin size="large" aria-label={t('common.loading')} />}
        {overview.data && <OverviewFigures overview={overview.data} dark />}
        <Row gutter={[24, 24]} className="command-centre__row">
          <Col xs={24} xl={12}>
            {plan.data && <PlanBoard list={plan.data} />}
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Title level={2}>{t('overview.alerts')}</Typography.Title>
            {overview.data && <AlertList alerts={overview.data.alerts} />}
          </Col>
        </Row>
        {overview.data && <OverviewCharts overview={overview.data} dark />}
        {trend.data && <OverviewTrendChart trend={trend.data} dark />}
      </div>
    </ConfigProvider>
  );
}

/** Plan progress: counts by status and the indicators that need attention first. */
function PlanBoard({ list }: { list: IndicatorList }) {
  const { t, locale } = useI18n();
  const urgent = list.items.filter((item) => item.status === 'missed' || item.status === 'at_risk').slice(0, 6);
  return (
    <div className="command-centre__plan">
      <Typography.Title level={2}>{t('command.planProgress', { plan: list.profileId })}</Typography.Title>
      <StatusSummary items={list.items} large />
      <ul className="command-centre__urgent">
        {urgent.map((item) => (
          <li key={item.id}>
            <StatusTag status={item.status} large />
            <span className="command-centre__name">{locale === 'zh-CN' ? item.name.zh : item.name.en}</span>
            <span className="command-centre__value">
              {indicatorValueText(item.value, item.unit, t)} / {indicatorTargetText(item.target, t)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

async function toggleFullScreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // the browser refused (e.g. in a frame): the page is already covering the window
  }
}
