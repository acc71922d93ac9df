import '../facilities.css';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { FacilityAttributesDto, FacilityDetail } from '@kangyang/contracts/facilities';
import { errorText } from '../../../shared/api/error-text.ts';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useFacility } from '../api/facilities-api.ts';
import { AttributesForm } from './attributes-form.tsx';
import { DesignationsCard } from './designations-card.tsx';
import { bedsText, DesignationTags } from './facility-labels.tsx';

const figure = (value: number | null, t: Translate) =>
  value === null ? t('common.none') : <span className="facility-figure">{value}</span>;

function attributeItems(attributes: FacilityAttributesDto, t: Translate) {
  const { bedsTotal, occupiedBeds } = attributes;
  const occupancy =
    bedsTotal && occupiedBeds !== null ? `${Math.round((occupiedBeds * 1000) / bedsTotal) / 10}%` : null;
  return [
    { key: 'total', label: t('facility.bedsTotal'), children: figure(bedsTotal, t) },
    { key: 'nursing', label: t('facility.nursingBeds'), children: figure(attributes.nursingBeds, t) },
    { key: 'occupied', label: t('facility.occupiedBeds'), children: figure(occupiedBeds, t) },
    { key: 'occupancy', label: t('facility.occupancy'), children: occupancy ?? t('common.none') },
    {
      key: 'ownership',
      label: t('facility.ownership'),
      children: attributes.ownership ? t(`ownership.${attributes.ownership}`) : t('common.none'),
    },
    {
      key: 'vehicles',
      label: t('facility.mealDeliveryVehicles'),
      children: figure(attributes.mealDeliveryVehicles, t),
    },
    {
      key: 'source',
      label: t('facility.changedBy'),
      children: `${attributes.changedBy}（${t(`facility.bedsSource.${attributes.bedsSource}`)}）`,
    },
    { key: 'document', label: t('facility.document'), children: attributes.document ?? t('common.none') },
  ];
}

function HistoryTable({ history, t }: { history: FacilityAttributesDto[]; t: Translate }) {
  return (
    <Table<FacilityAttributesDto>
      rowKey="version"
      pagination={false}
      scroll={{ x: true }}
      dataSource={history}
      columns={[
        { key: 'version', title: t('facility.version'), dataIndex: 'version' },
        { key: 'beds', title: t('facility.beds'), render: (_, row) => bedsText(row) },
        {
          key: 'ownership',
          title: t('facility.ownership'),
          render: (_, row) => (row.ownership ? t(`ownership.${row.ownership}`) : '—'),
        },
        {
          key: 'vehicles',
          title: t('facility.mealDeliveryVehicles'),
          render: (_, row) => row.mealDeliveryVehicles ?? '—',
        },
        { key: 'by', title: t('facility.changedBy'), dataIndex: 'changedBy' },
        { key: 'at', title: t('facility.changedAt'), render: (_, row) => new Date(row.changedAt).toLocaleString() },
        { key: 'document', title: t('facility.document'), render: (_, row) => row.document ?? '—' },
      ]}
    />
  );
}

function SiteCard({ facility, t }: { facility: FacilityDetail; t: Translate }) {
  return (
    <Card className="detail-card">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('facility.kind'), children: t(`mapSiteKind.${facility.kind}` as MessageKey) },
          { key: 'region', label: t('facility.region'), children: facility.regionCode },
          { key: 'address', label: t('map.address'), children: facility.address ?? t('common.none') },
          {
            key: 'designations',
            label: t('facility.designations'),
            children: <DesignationTags names={facility.designations} t={t} />,
          },
        ]}
      />
    </Card>
  );
}

export function FacilityView({ facility }: { facility: FacilityDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const canEdit = can('facility:write');
  return (
    <section className="page facility-page" aria-labelledby="facility-title">
      <div className="page-header">
        <Typography.Title level={2} id="facility-title" className="page-title">
          {facility.name}
        </Typography.Title>
        <Space wrap>
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
          {canEdit && (
            <Button size="large" type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('facility.edit')}
            </Button>
          )}
        </Space>
      </div>
      <SiteCard facility={facility} t={t} />
      <Card title={t('facility.attributes')} className="detail-card">
        {facility.attributes ? (
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }} items={attributeItems(facility.attributes, t)} />
        ) : (
          <Typography.Text type="secondary">{t('facility.noAttributes')}</Typography.Text>
        )}
      </Card>
      <DesignationsCard
        siteId={facility.id}
        kind={facility.kind}
        items={facility.designationHistory}
        canEdit={canEdit}
      />
      {facility.history.length > 0 && (
        <Card title={t('facility.history')} className="detail-card">
          <HistoryTable history={facility.history} t={t} />
        </Card>
      )}
      {editing && (
        <AttributesForm siteId={facility.id} current={facility.attributes} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}

/** A facility: beds and basic facts, designations with their history, and edit forms for civil affairs. */
export function FacilityPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const facility = useFacility(id);
  if (facility.isLoading) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (facility.isError) {
    if (isApiError(facility.error) && facility.error.status === 404)
      return <Result status="404" title={t('facility.notFound')} />;
    return <Alert type="error" showIcon message={errorText(facility.error, t)} />;
  }
  if (!facility.data) return null;
  return <FacilityView key={facility.data.id} facility={facility.data} />;
}
