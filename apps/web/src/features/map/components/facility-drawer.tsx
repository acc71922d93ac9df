import { Button, Descriptions, Drawer, Tag } from 'antd';
import { useNavigate } from 'react-router';
import type { SiteDto } from '@kangyang/contracts/meals';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

/** A facility's details after a click on its symbol (KPI-7 click-through). */
export function FacilityDrawer({ site, onClose }: { site: SiteDto; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const hours = Object.entries(site.openingHours)
    .map(([day, time]) => `${day} ${time}`)
    .join('；');
  return (
    <Drawer
      open
      onClose={onClose}
      title={site.name}
      width={420}
      className="facility-drawer"
      extra={
        <Button type="primary" size="large" onClick={() => void navigate(`/facilities/${site.id}`)}>
          {t('facility.openPage')}
        </Button>
      }
    >
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'kind', label: t('map.kind'), children: t(`mapSiteKind.${site.kind}`) },
          {
            key: 'status',
            label: t('map.status'),
            children: (
              <Tag color={site.status === 'open' ? 'green' : 'default'}>{t(`mapSiteStatus.${site.status}`)}</Tag>
            ),
          },
          { key: 'address', label: t('map.address'), children: site.address ?? t('common.none') },
          { key: 'region', label: t('region.label'), children: <span className="identifier">{site.regionCode}</span> },
          { key: 'radius', label: t('map.serviceRadius'), children: t('map.metres', { value: site.serviceRadiusM }) },
          { key: 'hours', label: t('map.openingHours'), children: hours || t('common.none') },
          {
            key: 'meals',
            label: t('map.meals'),
            children: site.offersMeals
              ? `${t('map.offersMeals')}${site.mealCapacity === null ? '' : ` · ${site.mealCapacity}`}${
                  site.offersDelivery ? ` · ${t('map.offersDelivery')}` : ''
                }`
              : t('common.none'),
          },
          { key: 'opened', label: t('map.openedOn'), children: site.openedOn ?? t('common.none') },
          { key: 'location', label: t('map.location'), children: `${site.lng.toFixed(5)}, ${site.lat.toFixed(5)}` },
        ]}
      />
    </Drawer>
  );
}
