import { Card, Descriptions, Table, Tag, Timeline, Typography } from 'antd';
import type { AssessmentDto } from '@kangyang/contracts/assessment-workflow';
import { INSTRUMENTS, levelLabel, type Label } from '@kangyang/domain/assessment';
import { DISEASES, type DiseaseCode } from '@kangyang/domain/assessment-workflow';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { formatTime } from '../components/format-time.ts';

type Row = { code: string; domain: string; name: string; points: number | null; option: string };
type Rule = 'coma' | 'mentalDiagnosis' | 'riskEvents';

/** The task as submitted: result, answers with the chosen option's wording, supporting data, signatures, steps. */
export function TaskSummary({ task }: { task: AssessmentDto }) {
  const { t } = useI18n();
  return (
    <>
      <ResultCard task={task} />
      <AnswersCard task={task} />
      <SupportingCard task={task} />
      <Card title={t('assessmentTask.steps')} className="detail-card">
        <Timeline
          items={task.history.map((step) => ({
            children: `${formatTime(step.at)} · ${step.actorName} · ${t(`assessmentAction.${step.action}`)}${step.reason ? `：${step.reason}` : ''}`,
          }))}
        />
      </Card>
    </>
  );
}

/** The server's score of the stored answers: domain scores, total, base and final level, the rules applied. */
function ResultCard({ task }: { task: AssessmentDto }) {
  const { t, locale } = useI18n();
  const result = task.result;
  const definition = INSTRUMENTS[task.instrument];
  const level = (code: string) => levelLabel(task.instrument, code, locale, result?.scheme) ?? code;
  return (
    <Card title={t('assessmentTask.result')} className="detail-card">
      {result ? (
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          {definition.domains
            .filter((domain) => domain.code in result.domainScores)
            .map((domain) => (
              <Descriptions.Item key={domain.code} label={domain.name.zh}>
                {result.domainScores[domain.code]}
              </Descriptions.Item>
            ))}
          <Descriptions.Item label={t('assessment.total')}>{result.total ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessmentForm.baseLevel')}>{level(result.baseLevel)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.finalLevel')}>
            <strong>{level(result.finalLevel)}</strong>
            {result.provisional && <Tag color="orange">{t('assessment.provisional')}</Tag>}
          </Descriptions.Item>
          {result.reasons
            .filter((reason) => reason.applied)
            .map((reason) => (
              <Descriptions.Item key={reason.rule} label={t('assessmentTask.ruleApplied')}>
                {t(`scoreRule.${reason.rule as Rule}`)}
              </Descriptions.Item>
            ))}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('assessmentTask.noResult', task.answered)}</Typography.Text>
      )}
    </Card>
  );
}

function AnswersCard({ task }: { task: AssessmentDto }) {
  const { t, locale } = useI18n();
  const text = (label: Label) => (locale === 'en-US' ? `${label.zh} ${label.en}` : label.zh);
  const rows: Row[] = INSTRUMENTS[task.instrument].domains.flatMap((domain) =>
    domain.items.map((item) => {
      const points = task.answers[item.code] ?? null;
      const option = item.options.find((candidate) => candidate.points === points);
      const name = text(item.name);
      return { code: item.code, domain: domain.name.zh, name, points, option: option ? text(option.label) : '—' };
    }),
  );
  return (
    <Card title={t('assessmentTask.answers')} className="detail-card">
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('assessmentTask.domain'), dataIndex: 'domain' },
          { title: t('assessmentTask.item'), dataIndex: 'name' },
          { title: t('assessmentTask.points'), dataIndex: 'points', render: (points: number | null) => points ?? '—' },
          { title: t('assessmentTask.option'), dataIndex: 'option' },
        ]}
      />
    </Card>
  );
}

function SupportingCard({ task }: { task: AssessmentDto }) {
  const { t } = useI18n();
  const supporting = task.supporting as { diseases?: DiseaseCode[]; riskEvents?: Record<string, number> };
  const events = Object.entries(supporting.riskEvents ?? {}).filter(([, count]) => count > 0);
  const signatures = task.assessors.map((assessor) => {
    const signature = task.signatures.find((candidate) => candidate.assessorId === assessor.id);
    return `${assessor.name}${signature ? ` ✓ ${formatTime(signature.signedAt)}` : ` · ${t('assessmentForm.notSigned')}`}`;
  });
  return (
    <Card title={t('assessmentForm.supporting')} className="detail-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('assessmentForm.diseases')}>
          {(supporting.diseases ?? []).map((code) => DISEASES[code]?.zh ?? code).join('、') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentForm.riskEvents')}>
          {events.map(([type, count]) => `${t(`riskEvent.${type as 'fall'}`)} ${count}`).join('、') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentForm.signatures')}>{signatures.join('；')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
