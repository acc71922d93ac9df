import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import { ElderUpdateBody, type ElderDto } from '@kangyang/contracts/elder';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useElder, useUpdateElder } from '../api/elders-api.ts';
import { ElderForm } from './elder-form.tsx';
import { checkedBody, showServerError } from './elder-form-submit.ts';
import { initialValues, toUpdateBody, type ElderFormValues } from './elder-form-values.ts';
import { ElderLoadState } from './elder-load-state.tsx';

/** Edits an elder with optimistic concurrency (API-5): the version read is the version sent. */
export function ElderEditPage() {
  const { id = '' } = useParams();
  const elder = useElder(id);
  if (!elder.data) return <ElderLoadState query={elder} />;
  return <ElderEditor key={elder.data.version} elder={elder.data} onReload={() => void elder.refetch()} />;
}

/** VERSION_CONFLICT (412): someone saved first; the way out is to load their version. */
function ProblemAlert({ problem, onReload }: { problem: { text: string; conflict: boolean }; onReload: () => void }) {
  const { t } = useI18n();
  if (!problem.conflict)
    return <Alert type="error" showIcon role="alert" message={problem.text} className="page-alert" />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={t('form.conflictTitle')}
      description={
        <>
          <p>{problem.text}</p>
          <p>{t('form.conflictHelp')}</p>
        </>
      }
      action={<Button onClick={onReload}>{t('form.loadLatest')}</Button>}
      className="page-alert"
    />
  );
}

function ElderEditor({ elder, onReload }: { elder: ElderDto; onReload: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ElderFormValues>();
  const update = useUpdateElder(elder.id);
  const [problem, setProblem] = useState<{ text: string; conflict: boolean } | null>(null);

  const submit = (values: ElderFormValues) => {
    setProblem(null);
    const changes = toUpdateBody(values, elder);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.nothingChanged'));
      return;
    }
    const body = checkedBody(ElderUpdateBody, changes, form, { t, locale });
    if (!body) return;
    update.mutate(
      { version: elder.version, body },
      {
        onSuccess: () => {
          void message.success(t('form.saved'));
          void navigate(`/elders/${elder.id}`);
        },
        onError: (error) => {
          const conflict = isApiError(error) && error.code === 'VERSION_CONFLICT';
          setProblem({ text: showServerError(error, form, t), conflict });
        },
      },
    );
  };

  return (
    <section className="page" aria-labelledby="elder-edit-title">
      <Typography.Title level={2} id="elder-edit-title" className="page-title">
        {t('elder.editTitle', { name: elder.name })}
      </Typography.Title>
      {problem && <ProblemAlert problem={problem} onReload={onReload} />}
      <ElderForm
        form={form}
        elder={elder}
        initialValues={initialValues(elder)}
        onFinish={submit}
        submitting={update.isPending}
        actions={
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => void navigate(`/elders/${elder.id}`)}>{t('common.cancel')}</Button>
          </Space>
        }
      />
    </section>
  );
}
