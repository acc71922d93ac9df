import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@kangyang/contracts/auth';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../shared/language-switch.tsx';
import { useLogin, useMe } from '../api/auth-api.ts';

type LoginForm = { username: string; password: string; totp?: string };

/** Only same-site paths: a `next` parameter never sends the user elsewhere. */
const safeNext = (next: string | null): string => (next && /^\/(?!\/)/.test(next) ? next : '/');

export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = (values: LoginForm) => {
    setError(null);
    const totp = values.totp?.trim();
    const body: LoginBody = { username: values.username.trim(), password: values.password, ...(totp ? { totp } : {}) };
    login.mutate(body, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (failure) => {
        setError(errorText(failure, t));
        if (isApiError(failure) && (failure.code === 'TOTP_REQUIRED' || failure.code === 'TOTP_INVALID'))
          form.setFields([{ name: 'totp', errors: [failure.message] }]);
      },
    });
  };

  return (
    <main className="login-page">
      <div className="login-page__language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={1} className="login-card__title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph className="login-card__subtitle">{t('login.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} className="login-card__error" role="alert" />}
        <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <LoginFields pending={login.isPending} />
        </Form>
      </Card>
    </main>
  );
}

function LoginFields({ pending }: { pending: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        label={t('login.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('login.totp')}
        name="totp"
        extra={t('login.totpHint')}
        rules={[{ pattern: /^\s*(\d{6}|[A-Za-z0-9-]{8,10})?\s*$/, message: t('login.totpFormat') }]}
      >
        <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" maxLength={10} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending}>
        {t('login.submit')}
      </Button>
    </>
  );
}
