import { useState } from 'react';
import { App, Input, Modal, Tag, Typography } from 'antd';
import type { LedgerEntryDto } from '@kangyang/contracts/ledger';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { yuan } from './money.ts';

/** The reverse dialog: a correction with its reason, never an edit. */
export function ReverseDialog({
  entry,
  busy,
  onCancel,
  onConfirm,
}: {
  entry: LedgerEntryDto | undefined;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={entry !== undefined}
      title={t('ledger.reverseTitle')}
      onCancel={onCancel}
      okText={t('ledger.reverse')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => {
        if (reason.trim() === '') void message.error(t('inbox.reasonRequired'));
        else onConfirm(reason.trim());
      }}
      afterClose={() => setReason('')}
    >
      <Typography.Paragraph>{t('ledger.reverseHint')}</Typography.Paragraph>
      {entry && (
        <Typography.Paragraph>
          <Tag>{entry.period}</Tag> {t(`programme.${entry.programme}`)} · {yuan(entry.amountFen)}
        </Typography.Paragraph>
      )}
      <label htmlFor="reverse-reason">{t('inbox.reason')}</label>
      <Input.TextArea
        id="reverse-reason"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
