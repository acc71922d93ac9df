import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import { ElderCreateBody } from '@kangyang/contracts/elder';
import { isApiError } from '../../../shared/api/api-client.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { useCreateElder } from '../api/elders-api.ts';
import { ElderForm } from './elder-form.tsx';
import { checkedBody, showServerError } from './elder-form-submit.ts';
import { toCreateBody, type ElderFormValues } from './elder-form-values.ts';

/** REG-1: registers an elder; the ID number gives birth date and sex, a duplicate answers 409. */
export function ElderCreatePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { regionCode, regionName } = useRegionScope();
  const [form] = Form.useForm<ElderFormValues>();
  const create = useCreateElder();
  const [problem, setProblem] = useState<string | null>(null);
  // one key per form visit: a double click or a retry after a lost answer creates one elder (API-4)
  // (a new key after an answered failure: the corrected form is a new request)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const fineRegion =
    regionCode && regionName && regionCode.length >= 9 ? { code: regionCode, name: regionName } : undefined;
  const submit = (values: ElderFormValues) => {
    setProblem(null);
    const body = checkedBody(ElderCreateBody, toCreateBody(values), form, { t, locale });
    if (!body) return;
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (elder) => {
          void message.success(t('form.created'));
          void navigate(`/elders/${elder.id}`, { replace: true });
        },
        onError: (error) => {
          if (isApiError(error) && error.status > 0) setIdempotencyKey(newIdempotencyKey());
          setProblem(showServerError(error, form, t));
        },
      },
    );
  };

  return (
    <section className="page" aria-labelledby="elder-create-title">
      <Typography.Title level={2} id="elder-create-title" className="page-title">
        {t('elder.new')}
      </Typography.Title>
      {problem && <Alert type="error" showIcon role="alert" message={problem} className="page-alert" />}
      <ElderForm
        form={form}
        initialValues={{ livingSituation: 'unknown', categories: [], contacts: [], residenceRegionCode: fineRegion }}
        onFinish={submit}
        submitting={create.isPending}
        actions={
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => void navigate('/elders')}>{t('common.cancel')}</Button>
          </Space>
        }
      />
    </section>
  );
}
