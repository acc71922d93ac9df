import type { MealSubsidyRule } from '@kangyang/domain/community-services';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Db } from '../db/database.ts';

/** Where a county's per-meal subsidy rule comes from (a profile rule where published, else configuration). */
export type MealSubsidySource = (regionCode: string, date: string) => Promise<MealSubsidyRule>;

export type MealServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  subsidyRule: MealSubsidySource;
};
