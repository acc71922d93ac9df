import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { RevealBody, type RevealResponse } from '@kangyang/contracts/elder';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRevealElder } from '../api/elders-api.ts';

type Props = { elderId: string; revealed: RevealResponse | null; onChange: (value: RevealResponse | null) => void };

/**
 * ENC-3: the full ID number and phones only on request, with a reason; the server audits each
 * reveal and rate-limits them. Hiding again forgets the values.
 */
type ReasonProps = { value: string; onChange: (value: string) => void; error: string | null; onSubmit: () => void };

function ReasonField({ value, onChange, error, onSubmit }: ReasonProps) {
  const { t } = useI18n();
  return (
    <Form layout="vertical" onFinish={onSubmit}>
      <Form.Item
        label={t('reveal.reason')}
        htmlFor="reveal-reason"
        required
        validateStatus={error ? 'error' : undefined}
        help={error ?? undefined}
      >
        <Input.TextArea
          id="reveal-reason"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={200}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('reveal.reasonPlaceholder')}
          autoFocus
        />
      </Form.Item>
    </Form>
  );
}

export function RevealIdentifiers({ elderId, revealed, onChange }: Props) {
  const { t } = useI18n();
  const reveal = useRevealElder(elderId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (revealed)
    return (
      <Button icon={<EyeInvisibleOutlined />} onClick={() => onChange(null)}>
        {t('reveal.hide')}
      </Button>
    );

  const submit = () => {
    const parsed = RevealBody.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(t('reveal.reasonRequired'));
      return;
    }
    setReasonError(null);
    reveal.mutate(parsed.data.reason, {
      onSuccess: (value) => {
        onChange(value);
        setOpen(false);
        setReason('');
      },
    });
  };

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)}>
        {t('reveal.button')}
      </Button>
      <Modal
        open={open}
        title={t('reveal.title')}
        okText={t('reveal.confirm')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={reveal.isPending}
        destroyOnHidden
      >
        <p>{t('reveal.explain')}</p>
        {reveal.isError && <Alert type="error" showIcon role="alert" message={errorText(reveal.error, t)} />}
        <ReasonField value={reason} onChange={setReason} error={reasonError} onSubmit={submit} />
      </Modal>
    </>
  );
}
