import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Spin } from 'antd';
import type { SyncAction } from '@kangyang/contracts/home-care';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useCareTasks } from '../api/care-api.ts';
import type { Fix } from '../offline/device.ts';
import { newClientId } from '../offline/offline-queue.ts';
import { stashPhoto } from '../offline/photo-outbox.ts';
import {
  checkOutActions,
  checkOutProblem,
  progressOf,
  verification,
  type CareTask,
  type Confirmation,
  type Outcomes,
} from './care-model.ts';
import { StatusLine, TaskFacts } from './care-task-facts.tsx';
import { LocatedAction, type Fallback } from './located-action.tsx';
import { useOutbox } from './outbox-context.tsx';
import { Checklist, ConfirmationInput, NotesInput, PhotoInput } from './visit-evidence.tsx';

/**
 * `photo` actions for the compressed photos: each is kept on this phone under a client photo id and
 * uploaded by the outbox before its action is sent (offline/photo-outbox.ts).
 */
function photoActions(visitId: string, photos: readonly string[], at: string, fix: Fix | null): SyncAction[] {
  return photos.flatMap((dataUrl) => {
    const photoRef = stashPhoto(window.localStorage, dataUrl);
    return photoRef ? [{ kind: 'photo' as const, visitId, photoRef, at, location: fix }] : [];
  });
}

/** Check-out: every task ticked, notes, photos, the confirmation; then time and place (HCS-6..8). */
function CheckOutForm({ task, visitId, already }: { task: CareTask; visitId: string; already: Outcomes }) {
  const { t } = useI18n();
  const { record } = useOutbox();
  const [outcomes, setOutcomes] = useState<Outcomes>(already);
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const check = () => {
    const found = checkOutProblem(task, outcomes, confirmation);
    const open = task.tasks.filter((item) => !outcomes.has(item.code)).length;
    if (found === 'checklist') setProblem(t('care.checklistIncomplete', { count: open }));
    else setProblem(found === 'confirmation' ? t('care.confirmationRequired') : null);
    return found === null;
  };
  const finish = (at: string, fix: Fix | null, fallback: Fallback | null) => {
    if (!confirmation) return;
    const newOutcomes = [...outcomes].filter(([code]) => !already.has(code));
    const actions = checkOutActions({ visitId, at, newOutcomes, notes, confirmation, location: fix, fallback });
    // the photos go before the check-out, which closes the visit
    record(...actions.slice(0, -1), ...photoActions(visitId, photos, at, fix), ...actions.slice(-1));
  };
  return (
    <>
      <Checklist task={task} outcomes={outcomes} onChange={setOutcomes} />
      <NotesInput value={notes} onChange={setNotes} />
      <PhotoInput photos={photos} onChange={setPhotos} />
      <ConfirmationInput onChange={setConfirmation} />
      {problem && <Alert type="error" showIcon role="alert" message={problem} className="page-alert" />}
      <div className="care-actions">
        <LocatedAction label={t('care.checkOut')} className="check-out-button" beforeStart={check} onDone={finish} />
      </div>
    </>
  );
}

function OfferReply({ task }: { task: CareTask }) {
  const { t } = useI18n();
  const { record } = useOutbox();
  const offer = task.offer;
  if (!offer) return null;
  const reply = (accept: boolean) =>
    record({ kind: 'offerReply', offerId: offer.id, accept, at: new Date().toISOString() });
  return (
    <div className="care-actions">
      <Button type="primary" size="large" block onClick={() => reply(true)} className="offer-accept">
        {t('care.accept')}
      </Button>
      <Button size="large" block danger onClick={() => reply(false)} className="offer-decline">
        {t('care.decline')}
      </Button>
    </div>
  );
}

/** One visit on the phone: facts, check-in, then the check-out form; all recorded offline first. */
export function CareTaskPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { me } = useSession();
  const tasks = useCareTasks(me.id);
  const { queue, record } = useOutbox();
  if (tasks.isPending) return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  const task = tasks.data?.items.find((candidate) => candidate.orderId === id);
  const back = (
    <Link to="/care" className="care-back">
      ← {t('care.back')}
    </Link>
  );
  if (!task) return <Alert type="warning" showIcon message={t('care.notFound')} description={back} />;
  const progress = progressOf(task, queue.items());
  const checkIn = (at: string, fix: Fix | null, fallback: Fallback | null) => {
    record({ kind: 'checkIn', orderId: task.orderId, visitId: newClientId(), at, ...verification(fix, fallback) });
  };
  return (
    <section aria-label={task.elderName}>
      {back}
      <TaskFacts task={task} />
      <StatusLine progress={progress} />
      {progress.state === 'offered' && <OfferReply task={task} />}
      {progress.state === 'pending' && (
        <div className="care-actions">
          <LocatedAction label={t('care.checkIn')} className="check-in-button" onDone={checkIn} />
        </div>
      )}
      {progress.state === 'inProgress' && progress.visitId && (
        <CheckOutForm key={progress.visitId} task={task} visitId={progress.visitId} already={progress.outcomes} />
      )}
      {progress.state === 'done' && (
        <div className="care-status care-status--ok care-done" role="status">
          {t('care.done')}
          {progress.unsent && <div className="care-status__note">{t('care.saved')}</div>}
        </div>
      )}
    </section>
  );
}
