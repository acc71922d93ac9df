import type { ReactNode } from 'react';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ContactRoleSchema,
  DECLARED_CATEGORIES,
  ElderStatusSchema,
  LIVING_SITUATIONS,
  type ElderDto,
} from '@kangyang/contracts/elder';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { RegionTreeSelect } from '../../../shared/region-tree-select.tsx';
import type { ElderFormValues } from './elder-form-values.ts';

type Props = {
  form: FormInstance<ElderFormValues>;
  /** The stored elder when editing: its masked ID and phone become the placeholders. */
  elder?: ElderDto | undefined;
  initialValues: Partial<ElderFormValues>;
  onFinish: (values: ElderFormValues) => void;
  submitting: boolean;
  actions: ReactNode;
};

const half = { xs: 24, md: 12 };

/** The elder form of REG-1 to REG-5; checks run on submit with the server's schema (elder-form-values.ts). */
export function ElderForm({ form, elder, initialValues, onFinish, submitting, actions }: Props) {
  return (
    <Form<ElderFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={submitting}
      scrollToFirstError
      className="elder-form"
    >
      <IdentitySection elder={elder} />
      <ResidenceSection />
      <CategorySection />
      <ContactsSection />
      {elder && <StatusSection />}
      <div className="form-actions">{actions}</div>
    </Form>
  );
}

function IdentitySection({ elder }: { elder?: ElderDto | undefined }) {
  const { t } = useI18n();
  const keep = (masked: string | null) => (masked ? t('form.keepMasked', { masked }) : t('form.optional'));
  return (
    <Card title={t('form.sectionIdentity')} className="form-card">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label={t('elder.name')} name="name" required>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('elder.idNumber')}
            name="idNumber"
            required={!elder}
            extra={elder ? t('form.idHint') : undefined}
          >
            <Input
              autoComplete="off"
              maxLength={18}
              className="identifier"
              placeholder={elder ? keep(elder.idNumber) : undefined}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('elder.phone')} name="phone">
            <Input
              inputMode="tel"
              autoComplete="off"
              maxLength={20}
              className="identifier"
              placeholder={elder ? keep(elder.phone) : t('form.optional')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function ResidenceSection() {
  const { t } = useI18n();
  return (
    <Card title={t('form.sectionResidence')} className="form-card">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label={t('elder.residenceRegion')}
            name="residenceRegionCode"
            required
            extra={t('form.residenceHint')}
          >
            <RegionTreeSelect placeholder={t('region.choose')} allowClear={false} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('elder.hukouRegion')} name="hukouRegionCode" extra={t('form.hukouHint')}>
            <Input inputMode="numeric" maxLength={12} className="identifier" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('elder.address')} name="address">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('elder.lng')} name={['location', 'lng']}>
            <InputNumber min={73.4} max={135.1} step={0.000001} precision={6} className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('elder.lat')} name={['location', 'lat']}>
            <InputNumber min={3.8} max={53.6} step={0.000001} precision={6} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function CategorySection() {
  const { t } = useI18n();
  return (
    <Card title={t('form.sectionCategories')} className="form-card">
      <Form.Item label={t('elder.livingSituation')} name="livingSituation">
        <Select options={LIVING_SITUATIONS.map((value) => ({ value, label: t(`living.${value}`) }))} />
      </Form.Item>
      <Form.Item label={t('elder.declaredCategories')} name="categories" extra={t('form.categoriesHint')}>
        <Checkbox.Group
          className="checkbox-grid"
          options={DECLARED_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
        />
      </Form.Item>
    </Card>
  );
}

function ContactsSection() {
  const { t } = useI18n();
  const roles = ContactRoleSchema.options.map((value) => ({ value, label: t(`contactRole.${value}`) }));
  return (
    <Card title={t('elder.contacts')} className="form-card">
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Space direction="vertical" className="full-width">
            {fields.map((field) => (
              <Row gutter={12} key={field.key} className="contact-row" align="bottom">
                <Col xs={12} md={5}>
                  <Form.Item label={t('contact.name')} name={[field.name, 'name']}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label={t('contact.relation')} name={[field.name, 'relation']}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item label={t('contact.role')} name={[field.name, 'role']}>
                    <Select options={roles} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item label={t('contact.phone')} name={[field.name, 'phone']}>
                    <Input inputMode="tel" maxLength={20} className="identifier" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} block>
                      {t('common.remove')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            {fields.length < 10 && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', relation: '', role: 'emergency', phone: '' })}
              >
                {t('contact.add')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

function StatusSection() {
  const { t } = useI18n();
  return (
    <Card title={t('form.sectionStatus')} className="form-card">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label={t('elder.status')} name="status">
            <Select options={ElderStatusSchema.options.map((value) => ({ value, label: t(`status.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('elder.statusDate')} name="statusDate" extra={t('form.statusDateHint')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
