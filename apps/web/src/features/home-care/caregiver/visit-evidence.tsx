import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Segmented } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { compressPhoto } from '../offline/device.ts';
import type { CareTask, Confirmation, Outcomes, TaskOutcome } from './care-model.ts';
import { SignaturePad } from './signature-pad.tsx';

/**
 * The visit's task list (HCS-7): a large checkbox per task for "done", and "could not do" for the
 * rest (the note says why); every task needs one of the two before check-out.
 */
export function Checklist({
  task,
  outcomes,
  onChange,
}: {
  task: CareTask;
  outcomes: Outcomes;
  onChange: (outcomes: Outcomes) => void;
}) {
  const { t, locale } = useI18n();
  const set = (code: string, outcome: TaskOutcome | null) => {
    const next = new Map(outcomes);
    if (outcome) next.set(code, outcome);
    else next.delete(code);
    onChange(next);
  };
  return (
    <section className="care-section care-checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t('care.checklist')}</h3>
      {task.tasks.length === 0 && <p className="muted">{t('care.noChecklist')}</p>}
      {task.tasks.map((item) => {
        const outcome = outcomes.get(item.code) ?? null;
        const fixed = item.outcome !== null;
        return (
          <div key={item.code} className="care-task-row">
            <Checkbox
              checked={outcome === 'done'}
              disabled={fixed || (outcome !== null && outcome !== 'done')}
              onChange={(event) => set(item.code, event.target.checked ? 'done' : null)}
            >
              {locale === 'en-US' ? item.labelEn : item.label}
            </Checkbox>
            {outcome !== 'done' && (
              <Button
                type={outcome ? 'primary' : 'default'}
                danger={outcome !== null}
                disabled={fixed}
                onClick={() => set(item.code, outcome ? null : 'notDone')}
                className="care-task-skip"
              >
                {outcome ? t('care.notDoneUndo') : t('care.notDone')}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** Up to three photos, shrunk on the phone before they are stored (HCS-8). */
export function PhotoInput({ photos, onChange }: { photos: readonly string[]; onChange: (photos: string[]) => void }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const add = async (file: File | undefined) => {
    if (!file) return;
    try {
      setFailed(false);
      onChange([...photos, await compressPhoto(file)].slice(-3));
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="care-section" aria-labelledby="photos-title">
      <h3 id="photos-title">{t('care.photos')}</h3>
      <label className="photo-input">
        <CameraOutlined /> &nbsp;{t('care.takePhoto')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(event) => {
            void add(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      <p className="muted">{t('care.photosKept')}</p>
      {failed && <Alert type="error" showIcon message={t('care.photoFailed')} />}
      {photos.length > 0 && (
        <div className="photo-thumbs">
          {photos.map((photo, index) => (
            <img key={index} src={photo} alt={`${t('care.photos')} ${index + 1}`} />
          ))}
        </div>
      )}
    </section>
  );
}

type ConfirmState = { method: Confirmation['method']; by: Confirmation['by']; code: string; signature: string | null };

const confirmationOf = (state: ConfirmState): Confirmation | null => {
  if (state.method === 'signature')
    return state.signature ? { method: 'signature', signature: state.signature, by: state.by } : null;
  return state.code ? { method: 'code', code: state.code, by: state.by } : null;
};

/** The elder's or family's confirmation: a finger signature, or the code they were sent (HCS-8). */
export function ConfirmationInput({ onChange }: { onChange: (confirmation: Confirmation | null) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<ConfirmState>({ method: 'signature', by: 'elder', code: '', signature: null });
  const update = (patch: Partial<ConfirmState>) => {
    const next = { ...state, ...patch };
    setState(next);
    onChange(confirmationOf(next));
  };
  return (
    <section className="care-section" aria-labelledby="confirmation-title">
      <h3 id="confirmation-title">{t('care.confirmation')}</h3>
      <Segmented<Confirmation['by']>
        block
        value={state.by}
        onChange={(by) => update({ by })}
        options={[
          { value: 'elder', label: t('care.byElder') },
          { value: 'family', label: t('care.byFamily') },
        ]}
        className="confirmation-by"
      />
      <Segmented<Confirmation['method']>
        block
        value={state.method}
        onChange={(method) => update({ method })}
        options={[
          { value: 'signature', label: t('care.bySignature') },
          { value: 'code', label: t('care.byCode') },
        ]}
        className="confirmation-method"
      />
      <div className="confirmation-body">
        {state.method === 'signature' ? (
          <SignaturePad onChange={(signature) => update({ signature })} />
        ) : (
          <>
            <p className="muted">{t('care.codeHint')}</p>
            <Input
              aria-label={t('care.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={state.code}
              className="confirm-code"
              onChange={(event) => update({ code: event.target.value.replace(/\D/g, '') })}
            />
          </>
        )}
      </div>
    </section>
  );
}

/** Free-text notes of the visit. */
export function NotesInput({ value, onChange }: { value: string; onChange: (notes: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="care-section">
      <h3>
        <label htmlFor="visit-notes">{t('care.notes')}</label>
      </h3>
      <Input.TextArea
        id="visit-notes"
        rows={3}
        maxLength={1000}
        value={value}
        placeholder={t('care.notesPlaceholder')}
        onChange={(event) => onChange(event.target.value)}
      />
    </section>
  );
}
