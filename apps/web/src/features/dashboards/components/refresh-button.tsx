import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRefreshStatus, useRequestRefresh } from '../api/dashboards-api.ts';

/** Recomputes the rollups now (for roles that may report); the figures reload when it finishes. */
export function RefreshButton() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const status = useRefreshStatus();
  const request = useRequestRefresh();
  const pending = request.isPending || Boolean(status.data?.pending);
  const last = status.data?.lastRefreshedAt ?? null;
  const seen = useRef(last);
  useEffect(() => {
    if (last === seen.current) return;
    seen.current = last;
    void queryClient.invalidateQueries({
      queryKey: ['indicators'],
      predicate: (query) => query.queryKey[1] !== 'refresh',
    });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
  }, [last, queryClient]);
  return (
    <Button icon={<SyncOutlined spin={pending} />} loading={false} disabled={pending} onClick={() => request.mutate()}>
      {pending ? t('indicator.refreshing') : t('indicator.refreshNow')}
    </Button>
  );
}
