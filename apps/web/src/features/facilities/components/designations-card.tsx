import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { SITE_DESIGNATIONS } from '@kangyang/domain/facilities';
import type { DesignationBody, DesignationDto } from '@kangyang/contracts/facilities';
import { errorText } from '../../../shared/api/error-text.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useDesignate, useRevoke } from '../api/facilities-api.ts';
import { designationLabel } from './facility-labels.tsx';

type DesignateValues = Omit<DesignationBody, 'designatedOn'> & { designatedOn: { format(pattern: string): string } };

function DesignateForm({ siteId, kind, onClose }: { siteId: string; kind: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DesignateValues>();
  const [key] = useState(newIdempotencyKey);
  const designate = useDesignate(siteId);
  const fitting = Object.entries(SITE_DESIGNATIONS)
    .filter(([, kinds]) => (kinds as readonly string[]).includes(kind))
    .map(([name]) => name);
  const submit = (values: DesignateValues) =>
    designate.mutate(
      { key, body: { ...values, designatedOn: values.designatedOn.format('YYYY-MM-DD') } },
      { onSuccess: onClose },
    );
  const required = [{ required: true, message: t('facility.required') }];
  return (
    <Modal
      open
      title={t('facility.designate')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={designate.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {designate.isError && <Alert type="error" showIcon message={errorText(designate.error, t)} />}
      <Form form={form} layout="vertical" size="large" onFinish={submit}>
        <Form.Item name="designation" label={t('facility.designation')} rules={required}>
          <Select options={fitting.map((name) => ({ value: name, label: designationLabel(t, name) }))} />
        </Form.Item>
        <Form.Item name="designatedOn" label={t('facility.designatedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="authority" label={t('facility.authority')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="document" label={t('facility.document')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeForm({ designation, onClose }: { designation: DesignationDto; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; document?: string }>();
  const revoke = useRevoke();
  return (
    <Modal
      open
      title={`${t('facility.revoke')}：${designationLabel(t, designation.designation)}`}
      okText={t('facility.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {revoke.isError && <Alert type="error" showIcon message={errorText(revoke.error, t)} />}
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(values) =>
          revoke.mutate(
            { id: designation.id, body: { reason: values.reason, document: values.document || null } },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('facility.revokeReason')}
          rules={[{ required: true, message: t('facility.required') }]}
        >
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="document" label={t('facility.document')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every designation of the site, in force or revoked (with who, when, which document and why). */
export function DesignationsCard(props: { siteId: string; kind: string; items: DesignationDto[]; canEdit: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<DesignationDto | undefined>(undefined);
  const extra = props.canEdit && <Button onClick={() => setAdding(true)}>{t('facility.designate')}</Button>;
  return (
    <Card title={t('facility.designationTitle')} extra={extra} className="detail-card">
      <Table<DesignationDto>
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={props.items}
        locale={{ emptyText: t('facility.noDesignations') }}
        columns={[
          { key: 'name', title: t('facility.designation'), render: (_, row) => designationLabel(t, row.designation) },
          { key: 'on', title: t('facility.designatedOn'), dataIndex: 'designatedOn' },
          { key: 'by', title: t('facility.authority'), render: (_, row) => `${row.authority} ${row.document}` },
          {
            key: 'state',
            title: '',
            render: (_, row) =>
              row.revocation ? (
                <Tag className="facility-tag">{`${t('facility.revoked')} ${row.revocation.revokedOn}：${row.revocation.reason}`}</Tag>
              ) : (
                <Tag color="green" className="facility-tag">
                  {t('facility.inForce')}
                </Tag>
              ),
          },
          {
            key: 'revoke',
            title: '',
            render: (_, row) =>
              props.canEdit && !row.revocation ? (
                <Button danger onClick={() => setRevoking(row)}>
                  {t('facility.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && <DesignateForm siteId={props.siteId} kind={props.kind} onClose={() => setAdding(false)} />}
      {revoking && <RevokeForm designation={revoking} onClose={() => setRevoking(undefined)} />}
    </Card>
  );
}
