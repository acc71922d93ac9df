import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { AssessmentDto } from '@kangyang/contracts/assessment-workflow';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { formatTime } from '../components/format-time.ts';

type Props = {
  task: AssessmentDto;
  /** The device holds changes the server does not have yet: sign and submit wait for them. */
  unsaved: boolean;
  complete: boolean;
  busy: boolean;
  onSign: () => void;
  onSubmit: () => void;
};

/** Both assessors sign the current content (a later change voids them); then the agency submits. */
export function SignaturePanel({ task, unsaved, complete, busy, onSign, onSubmit }: Props) {
  const { t } = useI18n();
  const signedBy = new Map(task.signatures.map((signature) => [signature.assessorId, signature]));
  const bothSigned = task.assessors.every((assessor) => signedBy.has(assessor.id));
  const canSign = task.actions.includes('sign') && !unsaved && complete && !bothSigned;
  return (
    <Card title={t('assessmentForm.signatures')} className="detail-card asm-section" id="asm-signatures">
      <List
        dataSource={task.assessors}
        renderItem={(assessor, index) => {
          const signature = signedBy.get(assessor.id);
          return (
            <List.Item className="asm-signature">
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {t('assessmentForm.assessorN', { n: index + 1 })}：{assessor.name}
                </Typography.Text>
                {signature ? (
                  <Typography.Text type="success">
                    <CheckCircleFilled /> {t('assessmentForm.signedAt', { at: formatTime(signature.signedAt) })}
                  </Typography.Text>
                ) : (
                  <Tag>{t('assessmentForm.notSigned')}</Tag>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      {!complete && <Alert type="info" showIcon message={t('assessmentForm.completeFirst')} />}
      {unsaved && complete && <Alert type="warning" showIcon message={t('assessmentForm.saveFirst')} />}
      <Space wrap className="asm-actions">
        <Button size="large" icon={<EditOutlined />} disabled={!canSign} loading={busy} onClick={onSign}>
          {t('assessmentForm.sign')}
        </Button>
        <Button
          size="large"
          type="primary"
          icon={<SendOutlined />}
          disabled={!task.actions.includes('submit') || !bothSigned || unsaved}
          loading={busy}
          onClick={onSubmit}
        >
          {t('assessmentForm.submit')}
        </Button>
      </Space>
    </Card>
  );
}
