import type { Db } from '../db/database.ts';
import { insertJob } from '../jobs/job.repo.ts';

/** POL-6: the job that re-checks one elder's entitlements after a change of facts. */
export const ENTITLEMENT_RECHECK_JOB = 'entitlement.recheck';

export type RecheckTrigger = 'statusChange' | 'elderUpdate' | 'assessment' | 'profile' | 'manual';
export type RecheckPayload = { readonly elderId: string; readonly trigger: RecheckTrigger };

/** Registry fields eligibility reads (elder-facts.ts); a change to any of them re-checks the elder. */
const ELIGIBILITY_FIELDS: readonly string[] = [
  'status',
  'statusDate',
  'categories',
  'residenceRegionCode',
  'hukouRegionCode',
  'livingSituation',
  'idNumber',
];

const TRIGGERS: readonly RecheckTrigger[] = ['statusChange', 'elderUpdate', 'assessment', 'profile', 'manual'];

/** Reads a job payload back; anything else is a programming error and fails the job visibly. */
export function parseRecheckPayload(payload: unknown): RecheckPayload {
  const elderId: unknown = payload instanceof Object ? Reflect.get(payload, 'elderId') : undefined;
  const trigger = TRIGGERS.find((item) => payload instanceof Object && Reflect.get(payload, 'trigger') === item);
  if (typeof elderId !== 'string' || trigger === undefined) throw new Error('bad entitlement.recheck payload');
  return { elderId, trigger };
}

/** Enqueues a re-check in the caller's transaction; `dedupeKey` makes one per change (e.g. per record version). */
export async function enqueueEntitlementRecheck(
  tx: Db,
  job: { elderId: string; trigger: RecheckTrigger; dedupeKey: string; now: Date },
): Promise<boolean> {
  const payload: RecheckPayload = { elderId: job.elderId, trigger: job.trigger };
  return insertJob(tx, {
    kind: ENTITLEMENT_RECHECK_JOB,
    payload,
    runAt: job.now,
    dedupeKey: `${ENTITLEMENT_RECHECK_JOB}:${job.dedupeKey}`,
  });
}

/** The elder registry's hook (elder-update.ts): re-check when an update touched a field eligibility reads. */
export async function recheckOnElderUpdate(
  tx: Db,
  elder: { id: string; version: number },
  changedFields: readonly string[],
  now: Date,
): Promise<void> {
  if (!changedFields.some((field) => ELIGIBILITY_FIELDS.includes(field))) return;
  const trigger = changedFields.includes('status') ? 'statusChange' : 'elderUpdate';
  await enqueueEntitlementRecheck(tx, { elderId: elder.id, trigger, dedupeKey: `${elder.id}:v${elder.version}`, now });
}
