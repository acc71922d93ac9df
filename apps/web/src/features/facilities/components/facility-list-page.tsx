import '../facilities.css';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Result, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { SITE_KINDS } from '@kangyang/contracts/meals';
import type { FacilityRowDto } from '@kangyang/contracts/facilities';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useDashboardRegion } from '../../dashboards/api/dashboards-api.ts';
import { useFacilities } from '../api/facilities-api.ts';
import { bedsText, DesignationTags } from './facility-labels.tsx';

/** The institutions and service facilities of the region chosen in the top bar, with beds and designations. */
export function FacilityListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const region = useDashboardRegion();
  const [kind, setKind] = useState<string | undefined>('institution');
  const facilities = useFacilities(region.code, kind);
  if (region.pending || facilities.isLoading)
    return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (!region.code) return <Result status="info" title={t('region.choose')} />;
  if (facilities.isError) return <Alert type="error" showIcon message={errorText(facilities.error, t)} />;
  const open = (row: FacilityRowDto) => void navigate(`/facilities/${row.id}`);
  return (
    <section className="page facility-list" aria-labelledby="facility-list-title">
      <div className="page-header">
        <Typography.Title level={2} id="facility-list-title" className="page-title">
          {t('facility.listTitle')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('facility.listHint')}</Typography.Paragraph>
      <Card>
        <Select
          size="large"
          allowClear
          value={kind}
          onChange={(value?: string) => setKind(value)}
          placeholder={t('facility.allKinds')}
          aria-label={t('facility.kind')}
          style={{ minWidth: 240, marginBottom: 16 }}
          options={SITE_KINDS.map((value) => ({ value, label: t(`mapSiteKind.${value}`) }))}
        />
        <Table<FacilityRowDto>
          rowKey="id"
          dataSource={facilities.data?.items ?? []}
          locale={{ emptyText: t('facility.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: true }}
          onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
          columns={facilityColumns(t, open)}
        />
      </Card>
    </section>
  );
}

function facilityColumns(t: Translate, open: (row: FacilityRowDto) => void): TableColumnsType<FacilityRowDto> {
  return [
    { key: 'name', title: t('facility.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('facility.kind'),
      render: (_, row) => t(`mapSiteKind.${row.kind}` as MessageKey),
    },
    {
      key: 'beds',
      title: t('facility.beds'),
      render: (_, row) => (row.attributes ? bedsText(row.attributes) : '—'),
    },
    {
      key: 'designations',
      title: t('facility.designations'),
      render: (_, row) => <DesignationTags names={row.designations} t={t} />,
    },
    {
      key: 'open',
      title: '',
      render: (_, row) => (
        <Button
          size="large"
          onClick={(event) => {
            event.stopPropagation();
            open(row);
          }}
        >
          {t('facility.open')}
        </Button>
      ),
    },
  ];
}
