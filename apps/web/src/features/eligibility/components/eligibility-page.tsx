import { useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { BenefitDecisionDto, EligibilityDto } from '@kangyang/contracts/policy';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useElderName, useEligibility } from '../api/eligibility-api.ts';
import { reasonText, yuanOf } from './reason-text.ts';

/** POL-4: is the elder eligible for each benefit, and why (every reason cites its clause). */
export function EligibilityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const eligibility = useEligibility(id);
  const name = useElderName(id, can('elder:read'));
  if (eligibility.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (eligibility.isError) {
    const missing = isApiError(eligibility.error) && eligibility.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('elder.notFoundTitle') : t('eligibility.loadFailed')}
        subTitle={missing ? t('elder.notFoundText') : errorText(eligibility.error, t)}
      />
    );
  }
  const data = eligibility.data;
  return (
    <section className="page" aria-labelledby="eligibility-title">
      <div className="page-header">
        <Typography.Title level={2} id="eligibility-title" className="page-title">
          {t('eligibility.title', { name: name.data?.name ?? '' })}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/elders/${id}`)}>
          {t('eligibility.backToElder')}
        </Button>
      </div>
      <Card className="detail-card">
        <Summary data={data} />
      </Card>
      {data.benefits.length === 0 && <Result status="info" title={t('eligibility.noBenefits')} />}
      {data.benefits.map((benefit) => (
        <BenefitCard key={benefit.programme} benefit={benefit} />
      ))}
      {data.providerBenefits.length > 0 && (
        <Card title={t('eligibility.providerBenefits')} className="detail-card">
          <Space wrap>
            {data.providerBenefits.map((item) => (
              <Tag key={item.programme}>
                {t(`programme.${item.programme}`)}
                {item.clause ? ` · ${item.clause}` : ''}
              </Tag>
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('eligibility.providerHint')}
          </Typography.Paragraph>
        </Card>
      )}
    </section>
  );
}

function Summary({ data }: { data: EligibilityDto }) {
  const { t, locale } = useI18n();
  const assessment = data.assessment;
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={[
        { key: 'date', label: t('eligibility.date'), children: data.date },
        {
          key: 'profile',
          label: t('eligibility.profile'),
          children: data.profile
            ? `${data.profile.id} · ${locale === 'zh-CN' ? data.profile.title.zh : data.profile.title.en} · ${t('profile.versionFrom', { version: data.profile.version, from: data.profile.effectiveFrom })}`
            : t('eligibility.noProfile'),
          span: 'filled',
        },
        {
          key: 'assessment',
          label: t('eligibility.assessment'),
          children: assessment
            ? t('eligibility.assessmentLine', {
                level: levelName(assessment.finalLevelOrdinal, t),
                until: assessment.validUntil,
              })
            : t('eligibility.noAssessment'),
          span: 'filled',
        },
      ]}
    />
  );
}

function levelName(ordinal: number, t: Translate): string {
  const names = [t('level.0'), t('level.1'), t('level.2'), t('level.3'), t('level.4')];
  return names[ordinal] ?? String(ordinal);
}

function BenefitCard({ benefit }: { benefit: BenefitDecisionDto }) {
  const { t } = useI18n();
  const title = (
    <Space wrap>
      <span>{t(`programme.${benefit.programme}`)}</span>
      {benefit.eligible ? (
        <Tag color="green" icon={<CheckCircleOutlined />} className="tag-large">
          {t('eligibility.eligible')}
        </Tag>
      ) : (
        <Tag color="red" icon={<CloseCircleOutlined />} className="tag-large">
          {t('eligibility.notEligible')}
        </Tag>
      )}
    </Space>
  );
  return (
    <Card title={title} className="detail-card">
      {benefit.amount && (
        <Typography.Paragraph strong>
          {t(benefit.amount.cadence === 'monthly' ? 'eligibility.amountMonthly' : 'eligibility.amountOnce', {
            yuan: yuanOf(benefit.amount.fen),
          })}
          {benefit.split && benefit.split.length > 0 && (
            <Typography.Text type="secondary">
              {' '}
              {t('eligibility.split', {
                parts: benefit.split.map((part) => `${t(`payer.${part.payer}`)} ${yuanOf(part.fen)}`).join(' · '),
              })}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        header={<strong>{benefit.eligible ? t('eligibility.whyEligible') : t('eligibility.whyNot')}</strong>}
        dataSource={benefit.reasons}
        locale={{ emptyText: t('common.none') }}
        renderItem={(reason) => (
          <List.Item>
            <Space align="start">
              <Tag className="identifier">{reason.clause}</Tag>
              <span>{reasonText(reason.code, reason.params, t)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
