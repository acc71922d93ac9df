import { Checkbox, Typography } from 'antd';
import { SITE_KINDS, type SiteDto, type SiteKind } from '@kangyang/contracts/meals';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { COVERAGE_COLOURS, DENSITY_COLOURS, SITE_STYLE, symbolPath } from './map-style.ts';

type Props = {
  sites: readonly SiteDto[];
  shown: ReadonlySet<SiteKind>;
  onToggle: (kind: SiteKind, on: boolean) => void;
  density: boolean;
  coverage: boolean;
};

const Swatch = ({ color }: { color: string }) => (
  <svg width="22" height="16" aria-hidden="true">
    <rect x="1" y="1" width="20" height="14" fill={color} stroke="#5b6472" />
  </svg>
);

/** The legend doubles as the facility filter: one checkbox per kind with its symbol and count. */
export function MapLegend({ sites, shown, onToggle, density, coverage }: Props) {
  const { t } = useI18n();
  const counts = new Map<SiteKind, number>();
  for (const site of sites) counts.set(site.kind, (counts.get(site.kind) ?? 0) + 1);
  return (
    <div className="map-legend" aria-label={t('map.legend')}>
      <Typography.Title level={5}>{t('map.facilities')}</Typography.Title>
      <ul className="map-legend__list">
        {SITE_KINDS.map((kind) => (
          <li key={kind}>
            <Checkbox checked={shown.has(kind)} onChange={(event) => onToggle(kind, event.target.checked)}>
              <svg width="20" height="20" aria-hidden="true" className="map-legend__symbol">
                <path d={symbolPath(SITE_STYLE[kind].shape, 10, 10, 6)} fill={SITE_STYLE[kind].color} stroke="#fff" />
              </svg>
              {t(`mapSiteKind.${kind}`)} <span className="map-legend__count">({counts.get(kind) ?? 0})</span>
            </Checkbox>
          </li>
        ))}
      </ul>
      {density && (
        <>
          <Typography.Title level={5}>{t('map.densityLegend')}</Typography.Title>
          <div className="map-legend__scale">
            {DENSITY_COLOURS.map((color) => (
              <Swatch key={color} color={color} />
            ))}
            <span>
              {t('map.fewer')} → {t('map.more')}
            </span>
          </div>
        </>
      )}
      {coverage && (
        <>
          <Typography.Title level={5}>{t('map.coverageLegend')}</Typography.Title>
          <div className="map-legend__scale">
            {COVERAGE_COLOURS.map((color) => (
              <Swatch key={color} color={color} />
            ))}
            <span>0% → 100%</span>
          </div>
        </>
      )}
    </div>
  );
}
