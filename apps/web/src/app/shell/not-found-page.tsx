import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}
