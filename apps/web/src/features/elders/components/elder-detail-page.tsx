import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Grid, Space, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { ElderDto, RevealResponse } from '@kangyang/contracts/elder';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useElder } from '../api/elders-api.ts';
import { CategoryTags, Identifier, StatusTag } from './elder-labels.tsx';
import { ElderLoadState } from './elder-load-state.tsx';
import { RevealIdentifiers } from './reveal-identifiers.tsx';

/** REG-1, REG-11 (first part): one elder, masked by default (ENC-3). */
export function ElderDetailPage() {
  const { id = '' } = useParams();
  const elder = useElder(id);
  if (!elder.data) return <ElderLoadState query={elder} />;
  return <ElderDetail key={elder.data.id} elder={elder.data} />;
}

function ElderDetail({ elder }: { elder: ElderDto }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState<RevealResponse | null>(null);
  // phones read label above value: a two-column table does not fit 360 px
  const screens = Grid.useBreakpoint();
  return (
    <section className="page" aria-labelledby="elder-detail-title">
      <div className="page-header">
        <Typography.Title level={2} id="elder-detail-title" className="page-title">
          {elder.name} <StatusTag status={elder.status} />
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
          {can('eligibility:read') && <Link to={`/elders/${elder.id}/eligibility`}>{t('elderLinks.eligibility')}</Link>}
          {can('assessment:read') && <Link to={`/elders/${elder.id}/assessments`}>{t('elderLinks.assessments')}</Link>}
          {can('ledger:read') && <Link to={`/elders/${elder.id}/ledger`}>{t('elderLinks.ledger')}</Link>}
          {can('order:read') && <Link to={`/elders/${elder.id}/visits`}>{t('elderLinks.visits')}</Link>}
          {can('order:read') && <Link to={`/elders/${elder.id}/care-plans`}>{t('elderLinks.carePlans')}</Link>}
          {can('elder:revealIdentifiers') && (
            <RevealIdentifiers elderId={elder.id} revealed={revealed} onChange={setRevealed} />
          )}
          {can('elder:write') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/elders/${elder.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      </div>
      {revealed && (
        <Tag color="orange" className="tag-large reveal-note">
          {t('reveal.shown')}
        </Tag>
      )}
      <Card className="detail-card">
        <Descriptions
          items={detailItems(elder, revealed, t, locale)}
          column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          bordered
          size="middle"
          className="elder-descriptions"
        />
      </Card>
      <ContactsCard elder={elder} revealed={revealed} />
    </section>
  );
}

function detailItems(
  elder: ElderDto,
  revealed: RevealResponse | null,
  t: Translate,
  locale: string,
): DescriptionsProps['items'] {
  const none = <span className="muted">{t('common.none')}</span>;
  const location = elder.location ? `${elder.location.lng.toFixed(6)}, ${elder.location.lat.toFixed(6)}` : null;
  const region = (
    <>
      {elder.residenceRegionName && <div>{elder.residenceRegionName}</div>}
      <div className="identifier muted">{elder.residenceRegionCode}</div>
    </>
  );
  return [
    { key: 'sex', label: t('elder.sex'), children: t(`sex.${elder.sex}`) },
    { key: 'birthDate', label: t('elder.birthDate'), children: elder.birthDate },
    { key: 'age', label: t('elder.age'), children: t('elder.ageYears', { age: elder.age }) },
    {
      key: 'idNumber',
      label: t('elder.idNumber'),
      children: <Identifier value={revealed?.idNumber ?? elder.idNumber} />,
    },
    { key: 'phone', label: t('elder.phone'), children: <Identifier value={revealed ? revealed.phone : elder.phone} /> },
    { key: 'residence', label: t('elder.residenceRegion'), children: region },
    {
      key: 'hukou',
      label: t('elder.hukouRegion'),
      children: elder.hukouRegionCode ? <span className="identifier">{elder.hukouRegionCode}</span> : none,
    },
    { key: 'address', label: t('elder.address'), children: elder.address ?? none, span: 'filled' },
    { key: 'location', label: t('elder.location'), children: location ?? none },
    {
      key: 'living',
      label: t('elder.livingSituation'),
      children: `${t(`living.${elder.livingSituation}`)}${elder.emptyNest ? ` · ${t('derived.emptyNest')}` : ''}`,
    },
    {
      key: 'categories',
      label: t('elder.categories'),
      children: <CategoryTags categories={elder.categories} derived={elder.derivedCategories} />,
      span: 'filled',
    },
    {
      key: 'status',
      label: t('elder.status'),
      children: elder.statusDate ? `${t(`status.${elder.status}`)} · ${elder.statusDate}` : t(`status.${elder.status}`),
    },
    { key: 'updated', label: t('elder.updatedAt'), children: new Date(elder.updatedAt).toLocaleString(locale) },
    { key: 'version', label: t('elder.version'), children: elder.version },
  ];
}

function ContactsCard({ elder, revealed }: { elder: ElderDto; revealed: RevealResponse | null }) {
  const { t } = useI18n();
  const rows = elder.contacts.map((contact, index) => ({
    ...contact,
    key: index,
    phone: revealed?.contacts[index]?.phone ?? contact.phone,
  }));
  return (
    <Card title={t('elder.contacts')} className="detail-card">
      <Table
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('elder.noContacts') }}
        columns={[
          { title: t('contact.name'), dataIndex: 'name' },
          { title: t('contact.relation'), dataIndex: 'relation' },
          {
            title: t('contact.role'),
            dataIndex: 'role',
            render: (role: ElderDto['contacts'][number]['role']) => t(`contactRole.${role}`),
          },
          { title: t('contact.phone'), dataIndex: 'phone', render: (phone: string) => <Identifier value={phone} /> },
        ]}
      />
    </Card>
  );
}
