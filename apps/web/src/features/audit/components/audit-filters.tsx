import { AutoComplete, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

/** What the auditor types; turned into an AuditSearchBody and checked with its schema on submit. */
export type AuditFilterValues = {
  actorId?: string;
  action?: string;
  outcome?: 'success' | 'denied' | 'error';
  from?: string;
  to?: string;
  elderIdNumber?: string;
};

const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'elder.read',
  'elder.list',
  'elder.search',
  'elder.create',
  'elder.update',
  'elder.reveal',
  'elder.export',
  'elder.import',
  'audit.search',
  'http.request',
];

type Props = {
  onSearch: (values: AuditFilterValues) => void;
  onReset: () => void;
  form: ReturnType<typeof Form.useForm<AuditFilterValues>>[0];
};

export function AuditFilters({ onSearch, onReset, form }: Props) {
  const { t } = useI18n();
  const cell = { xs: 24, sm: 12, lg: 8 };
  return (
    <Form<AuditFilterValues> form={form} layout="vertical" onFinish={onSearch} className="audit-filters">
      <Row gutter={16}>
        <Col {...cell}>
          <Form.Item label={t('audit.actorId')} name="actorId" extra={t('audit.actorHint')}>
            <Input allowClear className="identifier" maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item label={t('audit.action')} name="action">
            <AutoComplete allowClear options={KNOWN_ACTIONS.map((value) => ({ value }))} filterOption />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item label={t('audit.outcome')} name="outcome">
            <Select
              allowClear
              placeholder={t('audit.anyOutcome')}
              options={(['success', 'denied', 'error'] as const).map((value) => ({
                value,
                label: t(`outcome.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item label={t('audit.from')} name="from">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item label={t('audit.to')} name="to">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item label={t('audit.elderIdNumber')} name="elderIdNumber" extra={t('audit.elderIdHint')}>
            <Input allowClear className="identifier" maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('list.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}
