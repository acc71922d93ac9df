import type { CaregiverPostAllowanceRule } from '@kangyang/domain/eligibility';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Db } from '../db/database.ts';
import type { IdempotencyClaim } from '../idempotency/idempotency.service.ts';

/** The region's plan profile for the 000-r1 allowance on a date, as the profile service resolves it (POL-2). */
export type CaregiverRuleLookup =
  | { readonly found: true; readonly profileId: string; readonly rule: CaregiverPostAllowanceRule | undefined }
  | { readonly found: false };

export type CaregiverRuleSource = (regionCode: string, date: string) => Promise<CaregiverRuleLookup>;

export type LedgerDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  caregiverRule: CaregiverRuleSource;
};

/** API-4: the request's idempotency claim, completed inside the effect's transaction when present. */
export type Claim = IdempotencyClaim | null | undefined;

export async function complete(claim: Claim, tx: Db, status: number, response: unknown): Promise<void> {
  if (claim) await claim.completeIn(tx, status, response);
}

/** A unique-index violation (PostgreSQL 23505), whether or not the driver error is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Object; current = Reflect.get(current, 'cause')) {
    if (Reflect.get(current, 'code') === '23505') return true;
  }
  return false;
}
