import type { ElderUpdateBody } from '@kangyang/contracts/elder';
import { validateContacts, validateIdentity, validatePhoneField, validateStatus } from '@kangyang/domain/elder';
import type { IsoDate } from '@kangyang/domain/units';
import { AppError, fieldError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { encryptContacts, encryptedIdNumber, encryptedPhone } from './elder-input.ts';
import * as repo from './elder.repo.ts';
import { recheckOnElderUpdate } from '../applications/recheck-job.ts';

type Deps = { db: Db; audit: AuditService; cipher: FieldCipher; clock: Clock };

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; field: string } }): T {
  if (!result.ok) throw fieldError(result.error);
  return result.value;
}

/** Validates the changed fields and builds the patch; nothing is written when any field is bad. */
function buildPatch(deps: Deps, current: repo.ElderRow, body: ElderUpdateBody): Partial<repo.ElderInsert> {
  const today = deps.clock.today();
  const identity = unwrap(validateIdentity({ name: body.name, idNumber: body.idNumber }, today));
  const patch: Partial<repo.ElderInsert> = { updatedAt: deps.clock.now() };
  if (identity.name !== undefined) patch.name = identity.name;
  if (identity.id)
    Object.assign(patch, encryptedIdNumber(deps.cipher, current.id, identity.id.idNumber), {
      birthDate: identity.id.birthDate,
      sex: identity.id.sex,
    });
  if (body.phone !== undefined)
    Object.assign(
      patch,
      encryptedPhone(deps.cipher, current.id, unwrap(validatePhoneField(body.phone, 'phone')) ?? null),
    );
  if (body.contacts !== undefined)
    patch.contacts = encryptContacts(deps.cipher, current.id, unwrap(validateContacts(body.contacts)));
  if (body.hukouRegionCode !== undefined) patch.hukouRegionCode = body.hukouRegionCode;
  if (body.residenceRegionCode !== undefined)
    Object.assign(patch, {
      residenceRegionCode: body.residenceRegionCode,
      countyCode: body.residenceRegionCode.slice(0, 6),
    });
  if (body.address !== undefined) patch.address = body.address;
  if (body.location !== undefined)
    Object.assign(patch, { lng: body.location?.lng ?? null, lat: body.location?.lat ?? null });
  if (body.livingSituation !== undefined) patch.livingSituation = body.livingSituation;
  if (body.categories !== undefined)
    Object.assign(patch, {
      categories: [...new Set(body.categories.map((record) => record.category))],
      categoryRecords: body.categories,
    });
  if (body.status !== undefined || body.statusDate !== undefined) {
    const status = body.status ?? current.status;
    const birthDate = (patch.birthDate ?? current.birthDate) as IsoDate;
    const statusDate =
      body.statusDate === undefined ? (current.statusDate as IsoDate | null) : (body.statusDate as IsoDate | null);
    Object.assign(patch, { status, statusDate: unwrap(validateStatus(status, statusDate, birthDate, today)) });
  }
  return patch;
}

/** Applies a validated update at the expected version (API-5) in one transaction with its audit row. */
export async function applyElderUpdate(
  deps: Deps,
  actor: Actor,
  current: repo.ElderRow,
  expectedVersion: number,
  body: ElderUpdateBody,
): Promise<repo.ElderRow> {
  const patch = buildPatch(deps, current, body);
  if (current.version !== expectedVersion) throw new AppError('VERSION_CONFLICT', { current: current.version });
  const changed = Object.keys(body);
  const updated = await deps.db.transaction(async (tx) => {
    const newIndex = patch.idNumberBlindIndex;
    if (newIndex && newIndex !== current.idNumberBlindIndex) {
      if (!(await repo.claimIdentity(tx, newIndex, patch.countyCode ?? current.countyCode, current.id)))
        throw new AppError('ELDER_DUPLICATE', {}, 'idNumber');
      await repo.releaseIdentity(tx, current.idNumberBlindIndex, current.id);
    }
    const row = await repo.updateElder(
      tx,
      { countyCode: current.countyCode, id: current.id, version: expectedVersion },
      patch,
    );
    if (!row) throw new AppError('VERSION_CONFLICT', { current: expectedVersion + 1 });
    await deps.audit.record(
      actor,
      {
        action: body.status ? 'elder.statusChange' : 'elder.update',
        resourceType: 'elder',
        resourceIds: [current.id],
        chain: row.countyCode,
        elderBlindIndex: row.idNumberBlindIndex,
        details: { fields: changed },
      },
      tx,
    );
    await recheckOnElderUpdate(tx, row, changed, deps.clock.now()); // POL-6: re-check entitlements when facts change
    return row;
  });
  return updated;
}
