import { Alert, Card, Descriptions, Progress, Spin, Tag, Typography } from 'antd';
import { levelLabel, type InstrumentDefinition } from '@kangyang/domain/assessment';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import type { Preview } from './use-score-preview.ts';

/** The live result beside the form: domain scores, total, base and final level, and the rules applied. */
export function ScorePreviewCard({ definition, preview }: { definition: InstrumentDefinition; preview: Preview }) {
  const { t, locale } = useI18n();
  const domainName = (code: string) => {
    const domain = definition.domains.find((candidate) => candidate.code === code);
    return domain ? (locale === 'en-US' ? domain.name.en : domain.name.zh) : code;
  };
  const level = (code: string, scheme?: string) => levelLabel(definition.code, code, locale, scheme) ?? code;
  return (
    <Card title={t('assessmentForm.preview')} className="detail-card asm-preview" aria-live="polite">
      {preview.kind === 'incomplete' && (
        <>
          <Progress percent={Math.round((preview.answered / preview.total) * 100)} />
          <Typography.Text>{t('assessmentForm.answered', preview)}</Typography.Text>
        </>
      )}
      {preview.kind === 'pending' && <Spin aria-label={t('common.loading')} />}
      {preview.kind === 'failed' && <Alert type="error" showIcon message={errorText(preview.error, t)} />}
      {preview.kind === 'scored' && (
        <>
          {preview.offline && <Alert type="warning" showIcon message={t('assessmentForm.offlineScore')} />}
          <Descriptions column={1} size="small" className="asm-preview__scores">
            {Object.entries(preview.score.domainScores).map(([code, points]) => (
              <Descriptions.Item key={code} label={domainName(code)}>
                {points}
              </Descriptions.Item>
            ))}
            {preview.score.total !== null && (
              <Descriptions.Item label={t('assessment.total')}>
                <strong>{preview.score.total}</strong>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('assessmentForm.baseLevel')}>
              {level(preview.score.baseLevel, preview.score.scheme)}
            </Descriptions.Item>
          </Descriptions>
          <div className="asm-preview__level" data-testid="preview-level">
            {t('assessment.finalLevel')}：{level(preview.score.finalLevel, preview.score.scheme)}
            {preview.score.provisional && <Tag color="orange">{t('assessment.provisional')}</Tag>}
          </div>
          {preview.score.reasons
            .filter((reason) => reason.applied)
            .map((reason) => (
              <Alert key={reason.rule} type="info" showIcon message={t(`scoreRule.${reason.rule}`)} />
            ))}
        </>
      )}
    </Card>
  );
}
