import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Space, Spin, Table, Typography } from 'antd';
import type { IndicatorItemDto, ReportedEntryDto } from '@kangyang/contracts/indicators';
import type { Unit } from '@kangyang/contracts/profile-indicators';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n, type MessageKey } from '../../../shared/i18n/i18n-context.tsx';
import { useReportedEntries, useReportValue } from '../api/dashboards-api.ts';
import { indicatorValueText } from './indicator-format.ts';

/** What the user types: percent for basis points, yuan for fen, the stored integer otherwise. */
const INPUT_SCALE: Partial<Record<Unit, number>> = { basisPoints: 100, fen: 100 };
const INPUT_UNIT: Partial<Record<Unit, MessageKey>> = { basisPoints: 'reported.unitPercent', fen: 'reported.unitYuan' };

/** The integer stored for what the user typed (54.5 % → 5450 basis points). */
export function storedValueOf(input: number, unit: Unit): number {
  return Math.round(input * (INPUT_SCALE[unit] ?? 1));
}

type Values = { year: number; value: number; note?: string };
type Props = { item: IndicatorItemDto; region: string | undefined; year: number | undefined; canReport: boolean };

/** KPI-4: reported figures per period (append-only, audited on the server) and, if permitted, a new entry. */
export function ReportedEntries({ item, region, year, canReport }: Props) {
  const { t } = useI18n();
  const entries = useReportedEntries(item.profileId, item.id, region);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {canReport ? (
        <ReportForm item={item} region={region ?? item.regionCode} year={year ?? new Date().getFullYear()} />
      ) : (
        <Alert type="info" showIcon message={t('reported.readOnly')} />
      )}
      {entries.isPending && <Spin aria-label={t('common.loading')} />}
      {entries.isError && <Alert type="error" showIcon message={errorText(entries.error, t)} />}
      {entries.data && (
        <Table<ReportedEntryDto>
          rowKey="id"
          size="small"
          dataSource={entries.data.items}
          pagination={false}
          locale={{ emptyText: t('reported.none') }}
          columns={[
            { title: t('reported.year'), dataIndex: 'year' },
            {
              title: t('indicator.value'),
              key: 'value',
              render: (_, row) => indicatorValueText(row.value, item.unit, t),
            },
            { title: t('reported.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
            { title: t('reported.enteredBy'), dataIndex: 'enteredBy' },
            { title: t('reported.enteredAt'), dataIndex: 'enteredAt', render: (at: string) => at.slice(0, 16) },
          ]}
        />
      )}
    </Space>
  );
}

function ReportForm({ item, region, year }: { item: IndicatorItemDto; region: string; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const report = useReportValue(item.profileId, item.id);
  const unitKey = INPUT_UNIT[item.unit];
  const submit = (values: Values) => {
    const body = {
      regionCode: region,
      year: values.year,
      value: storedValueOf(values.value, item.unit),
      ...(values.note ? { note: values.note } : {}),
    };
    report.mutate(
      { body, key },
      {
        onSuccess: () => {
          void message.success(t('reported.saved'));
          form.resetFields(['value', 'note']);
          setKey(newIdempotencyKey());
        },
      },
    );
  };
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ year }} onFinish={submit} className="reported-form">
      <Typography.Title level={4}>{t('reported.new')}</Typography.Title>
      {report.isError && <Alert type="error" showIcon message={errorText(report.error, t)} className="page-alert" />}
      <Space wrap align="start">
        <Form.Item name="year" label={t('reported.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="value"
          label={unitKey ? `${t('indicator.value')} (${t(unitKey)})` : t('indicator.value')}
          rules={[{ required: true, message: t('reported.valueRequired') }]}
        >
          <InputNumber min={0} precision={INPUT_SCALE[item.unit] ? 2 : 0} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('reported.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.isPending}>
        {t('reported.submit')}
      </Button>
    </Form>
  );
}
