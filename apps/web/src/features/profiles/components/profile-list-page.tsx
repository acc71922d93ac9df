import { Link } from 'react-router';
import { Card, Result, Spin, Table, Tag, Typography } from 'antd';
import type { ProfileSummaryDto } from '@kangyang/contracts/policy';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useProfiles } from '../api/profiles-api.ts';

/** POL-1: the stored plan profiles with their current version. */
export function ProfileListPage() {
  const { t, locale } = useI18n();
  const profiles = useProfiles();
  const title = (
    <Typography.Title level={2} id="profiles-title" className="page-title">
      {t('profile.listTitle')}
    </Typography.Title>
  );
  if (profiles.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (profiles.isError)
    return <Result status="error" title={t('profile.loadFailed')} subTitle={errorText(profiles.error, t)} />;
  const text = (value: { zh: string; en: string }) => (locale === 'zh-CN' ? value.zh : value.en);
  return (
    <section className="page" aria-labelledby="profiles-title">
      <div className="page-header">{title}</div>
      <Card className="detail-card">
        <Table<ProfileSummaryDto>
          rowKey="id"
          dataSource={profiles.data.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('profile.id'),
              dataIndex: 'id',
              render: (id: string) => <span className="identifier">{id}</span>,
            },
            {
              title: t('profile.title'),
              key: 'title',
              render: (_, row) => <Link to={`/profiles/${row.id}`}>{text(row.title)}</Link>,
            },
            { title: t('profile.region'), key: 'region', render: (_, row) => row.region.name },
            { title: t('profile.period'), key: 'period', render: (_, row) => `${row.period.from}–${row.period.to}` },
            {
              title: t('profile.currentVersion'),
              key: 'current',
              render: (_, row) =>
                row.current ? (
                  <Tag color="green">
                    {t('profile.versionFrom', { version: row.current.version, from: row.current.effectiveFrom })}
                  </Tag>
                ) : (
                  <Tag>{t('profile.notInForce')}</Tag>
                ),
            },
            { title: t('profile.versions'), key: 'versions', render: (_, row) => row.versions.length },
          ]}
        />
      </Card>
    </section>
  );
}
