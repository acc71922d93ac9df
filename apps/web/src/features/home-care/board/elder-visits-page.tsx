import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Table, Tag, Typography } from 'antd';
import { VisitPage, type VisitDto } from '@kangyang/contracts/home-care';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context.tsx';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useElder } from '../../elders/api/elders-api.ts';
import './home-care.css';

const PAGE = 20;
const when = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });

function useVisits(elderId: string, offset: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['home-care-visits', elderId, offset],
    queryFn: () => api.get('/api/home-care/visits', VisitPage, { elderId, limit: PAGE, offset }),
  });
}

function useColumns() {
  const { t, locale } = useI18n();
  return [
    { title: t('visits.start'), width: 130, render: (_: unknown, row: VisitDto) => when(row.evv.start, locale) },
    { title: t('intake.service'), dataIndex: 'serviceName', width: 140 },
    { title: t('visits.provider'), dataIndex: 'providerName', width: 160 },
    { title: t('orders.worker'), dataIndex: 'workerName', width: 110 },
    {
      title: t('care.duration'),
      width: 90,
      render: (_: unknown, row: VisitDto) =>
        row.durationMinutes === null ? '—' : t('care.minutes', { count: row.durationMinutes }),
    },
    {
      title: t('visits.evv'),
      width: 220,
      render: (_: unknown, row: VisitDto) => (
        <>
          <Tag color={row.evv.verified ? 'green' : 'orange'}>
            {row.evv.verified ? t('visits.verified') : t('visits.notVerified')}
          </Tag>
          {row.flags.map((flag) => (
            <Tag key={flag} color="red">
              {t(`visits.flag.${flag}`)}
            </Tag>
          ))}
        </>
      ),
    },
    {
      title: t('visits.subsidy'),
      width: 100,
      render: (_: unknown, row: VisitDto) => (row.subsidyFen === null ? '—' : `¥${(row.subsidyFen / 100).toFixed(2)}`),
    },
  ];
}

/** An elder's verified visits (HCS-6): when, what, who, the EVV check and flags, the subsidy posted. */
export function ElderVisitsPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const elder = useElder(id);
  const [offset, setOffset] = useState(0);
  const visits = useVisits(id, offset);
  const columns = useColumns();
  return (
    <section className="page" aria-labelledby="visits-title">
      <div className="care-plans__links">
        <Link to={`/elders/${id}`}>← {elder.data?.name ?? t('common.back')}</Link>
        <Link to={`/elders/${id}/care-plans`}>{t('elderLinks.carePlans')}</Link>
      </div>
      <Typography.Title level={2} id="visits-title" className="page-title">
        {t('visits.title', { name: elder.data?.name ?? '' })}
      </Typography.Title>
      {visits.isError && <Alert type="error" showIcon message={errorText(visits.error, t)} className="page-alert" />}
      <Table<VisitDto>
        rowKey="id"
        loading={visits.isPending}
        dataSource={visits.data?.items ?? []}
        columns={columns}
        scroll={{ x: 950 }}
        className="visits-table"
        pagination={{
          current: offset / PAGE + 1,
          pageSize: PAGE,
          total: visits.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setOffset((page - 1) * PAGE),
        }}
      />
    </section>
  );
}
