import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { FixSchema } from '@kangyang/contracts/home-care';
import { currentFix, type Fix } from '../offline/device.ts';

type Step =
  { kind: 'idle' } | { kind: 'locating' } | { kind: 'needReason'; reason: string; code: string; error: boolean };

/** Without a fix: the elder's six-digit visit code (verified by the server), or a reason (manual). */
export type Fallback = { code: string; manualReason: null } | { code: null; manualReason: string };

type Props = {
  label: string;
  disabled?: boolean;
  /** Checked before locating; false stops (the caller shows why). */
  beforeStart?: () => boolean;
  onDone: (at: string, fix: Fix | null, fallback: Fallback | null) => void;
  className?: string;
};

/**
 * A check-in or check-out button: takes the time at the tap, asks the phone for a position with a
 * timeout, and without one asks for a reason instead (HCS-6: manual entry only with a reason).
 */
export function LocatedAction({ label, disabled, beforeStart, onDone, className }: Props) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [tappedAt, setTappedAt] = useState<string | null>(null);

  const start = async () => {
    if (beforeStart && !beforeStart()) return;
    const at = new Date().toISOString();
    setTappedAt(at);
    setStep({ kind: 'locating' });
    const found = await currentFix();
    // a fix outside China's box (a phone abroad, a test browser) is no fix for the server either
    const fix = found && FixSchema.safeParse(found).success ? found : null;
    if (fix) {
      setStep({ kind: 'idle' });
      onDone(at, fix, null);
    } else setStep({ kind: 'needReason', reason: '', code: '', error: false });
  };
  const confirmManual = (reason: string, code: string) => {
    const fallback: Fallback | null = /^\d{6}$/.test(code)
      ? { code, manualReason: null }
      : reason.trim().length >= 2
        ? { code: null, manualReason: reason.trim() }
        : null;
    if (!fallback) return setStep({ kind: 'needReason', reason, code, error: true });
    setStep({ kind: 'idle' });
    onDone(tappedAt ?? new Date().toISOString(), null, fallback);
  };

  if (step.kind === 'needReason')
    return (
      <ManualReason
        label={label}
        reason={step.reason}
        code={step.code}
        error={step.error}
        onChange={(patch) => setStep({ ...step, ...patch, error: false })}
        onConfirm={() => confirmManual(step.reason, step.code)}
      />
    );
  return (
    <Button
      type="primary"
      size="large"
      block
      icon={<EnvironmentOutlined />}
      loading={step.kind === 'locating'}
      disabled={disabled}
      onClick={() => void start()}
      className={className}
    >
      {step.kind === 'locating' ? t('care.locating') : label}
    </Button>
  );
}

function ManualReason(props: {
  label: string;
  reason: string;
  code: string;
  error: boolean;
  onChange: (patch: { reason?: string; code?: string }) => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="care-section" role="group" aria-labelledby="manual-reason-label">
      <Alert type="warning" showIcon message={t('care.noFix')} />
      <label htmlFor="elder-code" className="care-label">
        {t('care.elderCode')}
      </label>
      <Input
        id="elder-code"
        inputMode="numeric"
        maxLength={6}
        value={props.code}
        className="confirm-code"
        onChange={(event) => props.onChange({ code: event.target.value.replace(/\D/g, '') })}
      />
      <label id="manual-reason-label" htmlFor="manual-reason" className="care-label">
        {t('care.manualReason')}
      </label>
      <Input.TextArea
        id="manual-reason"
        rows={2}
        maxLength={200}
        value={props.reason}
        status={props.error ? 'error' : undefined}
        onChange={(event) => props.onChange({ reason: event.target.value })}
      />
      {props.error && <div className="field-error">{t('care.manualReasonRequired')}</div>}
      <Button type="primary" size="large" block onClick={props.onConfirm} className="manual-confirm">
        {props.label}
      </Button>
    </div>
  );
}
