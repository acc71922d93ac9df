import { Alert, Form, Input, InputNumber, Modal, Select, message } from 'antd';
import { OWNERSHIPS } from '@kangyang/domain/facilities';
import type { FacilityAttributesBody, FacilityAttributesDto } from '@kangyang/contracts/facilities';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSaveAttributes } from '../api/facilities-api.ts';

type Values = Omit<FacilityAttributesBody, 'version'>;

const BED_FIELDS = ['bedsTotal', 'nursingBeds', 'occupiedBeds', 'mealDeliveryVehicles'] as const;

/** Edits the whole set of figures; saving appends a version (the previous one stays in the history). */
export function AttributesForm(props: { siteId: string; current: FacilityAttributesDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveAttributes(props.siteId);
  const current = props.current;
  const initial: Values = {
    bedsTotal: current?.bedsTotal ?? null,
    nursingBeds: current?.nursingBeds ?? null,
    occupiedBeds: current?.occupiedBeds ?? null,
    ownership: current?.ownership ?? null,
    mealDeliveryVehicles: current?.mealDeliveryVehicles ?? null,
    document: null,
    note: null,
  };
  const submit = (values: Values) =>
    save.mutate(
      { ...values, version: current?.version ?? 0, document: values.document || null, note: values.note || null },
      {
        onSuccess: () => {
          void message.success(t('facility.saved'));
          props.onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('facility.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      width={560}
    >
      {save.isError && <Alert type="error" showIcon message={errorText(save.error, t)} />}
      <Form form={form} layout="vertical" size="large" initialValues={initial} onFinish={submit}>
        {BED_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`facility.${field}`)}>
            <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="ownership" label={t('facility.ownership')}>
          <Select allowClear options={OWNERSHIPS.map((value) => ({ value, label: t(`ownership.${value}`) }))} />
        </Form.Item>
        <Form.Item name="document" label={t('facility.document')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('facility.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
