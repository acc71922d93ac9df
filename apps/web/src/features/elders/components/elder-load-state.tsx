import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

/**
 * While an elder loads, or why it did not. Out of scope and missing look the same (404, PLT-2):
 * the page never tells whether an elder outside the user's region exists.
 */
export function ElderLoadState({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const back = (
    <Button type="primary" onClick={() => void navigate('/elders')}>
      {t('elder.backToList')}
    </Button>
  );
  if (query.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status="404"
        title={t('elder.notFoundTitle')}
        subTitle={t('elder.notFoundText')}
        extra={back}
        className="elder-not-found"
      />
    );
  return <Result status="error" title={t('elder.loadFailed')} subTitle={errorText(query.error, t)} extra={back} />;
}
