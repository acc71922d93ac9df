import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, type DescriptionsProps, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ProfileDetailDto } from '@kangyang/contracts/policy';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { PROGRAMMES } from '@kangyang/domain/eligibility';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useProfile, useProfiles } from '../api/profiles-api.ts';
import { ClauseTable, IndicatorTable } from './profile-tables.tsx';

/** POL-2: one profile version: indicators with targets, rules with clause ids, other versions. */
export function ProfileDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const profile = useProfile(id, version);
  if (profile.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (profile.isError) {
    const missing = isApiError(profile.error) && profile.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('profile.notFound') : t('profile.loadFailed')}
        subTitle={missing ? undefined : errorText(profile.error, t)}
      />
    );
  }
  return <ProfileDetail profile={profile.data} onVersion={setVersion} />;
}

function ProfileDetail({ profile, onVersion }: { profile: ProfileDetailDto; onVersion: (version: number) => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const list = useProfiles();
  const versions = list.data?.items.find((item) => item.id === profile.id)?.versions ?? [];
  const text = (value: { zh: string; en: string }) => (locale === 'zh-CN' ? value.zh : value.en);
  const regionPath = [...profile.region.ancestors, profile.region].map((region) => region.name).join(' / ');
  return (
    <section className="page" aria-labelledby="profile-title">
      <div className="page-header">
        <Typography.Title level={2} id="profile-title" className="page-title">
          {text(profile.title)}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/profiles')}>
            {t('profile.backToList')}
          </Button>
          <Select
            aria-label={t('profile.version')}
            value={profile.version}
            onChange={onVersion}
            style={{ minWidth: 220 }}
            options={versions.map((item) => ({
              value: item.version,
              label: t('profile.versionFrom', { version: item.version, from: item.effectiveFrom }),
            }))}
          />
        </Space>
      </div>
      <Card className="detail-card">
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={summaryItems(profile, regionPath, t)}
        />
      </Card>
      <Card title={t('profile.indicators')} className="detail-card">
        <IndicatorTable raw={profile.indicators} />
      </Card>
      <Card title={t('profile.rules')} className="detail-card">
        <ClauseTable clauses={profile.clauses.filter((clause) => clause.kind !== 'indicator')} />
      </Card>
    </section>
  );
}

function programmeLabel(benefit: string, t: Translate): string {
  const known = PROGRAMMES.find((programme) => programme === benefit);
  return known ? t(`programme.${known}`) : benefit;
}

function summaryItems(profile: ProfileDetailDto, regionPath: string, t: Translate): DescriptionsProps['items'] {
  return [
    { key: 'id', label: t('profile.id'), children: profile.id },
    { key: 'doc', label: t('profile.documentNo'), children: profile.documentNo ?? t('common.none') },
    { key: 'region', label: t('profile.region'), children: regionPath },
    { key: 'period', label: t('profile.period'), children: `${profile.period.from}–${profile.period.to}` },
    {
      key: 'version',
      label: t('profile.version'),
      children: t('profile.versionFrom', { version: profile.version, from: profile.effectiveFrom }),
    },
    {
      key: 'checksum',
      label: t('profile.checksum'),
      children: <span className="identifier">{profile.checksum.slice(0, 16)}</span>,
    },
    {
      key: 'benefits',
      label: t('profile.benefits'),
      span: 'filled',
      children: profile.benefits.length
        ? profile.benefits.map((benefit) => <Tag key={benefit}>{programmeLabel(benefit, t)}</Tag>)
        : t('common.none'),
    },
  ];
}
