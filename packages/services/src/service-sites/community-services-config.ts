import { DEFAULT_MEAL_SUBSIDY_RULE, type MealSubsidyRule } from '@kangyang/domain/community-services';
import type { ProfileService } from '../profiles/profile.service.ts';
import type { MealSubsidySource } from '../meals/meal-deps.ts';
import { COVERAGE_REFRESH_JOB, createCoverageService, type CircleSource } from '../service-circle/coverage.service.ts';
import { createMealService } from '../meals/meal.service.ts';
import { createComplaintService } from '../complaints/complaint.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** Deployment settings of meals, coverage and complaints (HCS-9, HCS-10, HCS-11). */
export type CommunityServicesConfig = {
  /** Per-meal subsidy where no profile publishes one (default: DEFAULT_MEAL_SUBSIDY_RULE). */
  mealSubsidyRule?: MealSubsidyRule;
  /** Complaint response deadline in working days (default 3). */
  complaintResponseWorkingDays?: number;
  /** Walking distance of the service circle where no profile sets one (default 1000 m). */
  serviceCircleMetres?: number;
};

const isFenRecord = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((fen) => Number.isInteger(fen) && (fen as number) >= 0);

/** A profile's `rules.mealSubsidy` ({ byCategory, everyone, advancedAge? }) where one is published, else the configured rule. */
export function mealSubsidySourceFrom(
  profiles: Pick<ProfileService, 'resolve'>,
  fallback: MealSubsidyRule = DEFAULT_MEAL_SUBSIDY_RULE,
): MealSubsidySource {
  return async (regionCode, date) => {
    const resolved = await profiles.resolve(regionCode, date);
    const rule = (resolved?.profile.rules as Record<string, unknown> | undefined)?.['mealSubsidy'] as
      Partial<MealSubsidyRule> | undefined;
    if (!resolved || !rule || !isFenRecord(rule.byCategory) || !Number.isInteger(rule.everyone)) return fallback;
    return {
      byCategory: rule.byCategory,
      everyone: rule.everyone ?? 0,
      ...(rule.advancedAge ? { advancedAge: rule.advancedAge } : {}),
      source: `profile:${resolved.profile.id}@${resolved.version.version}`,
    };
  };
}

/** The profile's `rules.serviceCircle.metres` (001-16) for a region, where its profile has one. */
export function circleSourceFrom(profiles: Pick<ProfileService, 'resolve'>): CircleSource {
  return async (regionCode, date) => (await profiles.resolve(regionCode, date))?.profile.rules.serviceCircle?.metres;
}

/** Wires meals, coverage (with its nightly job) and complaints over the shared dependencies. */
export function createCommunityServices(
  deps: {
    db: Db;
    clock: Clock;
    audit: AuditService;
    cipher: FieldCipher;
    jobs: JobQueue;
    profiles: Pick<ProfileService, 'resolve'>;
  },
  config: CommunityServicesConfig = {},
) {
  const { db, clock, audit, cipher, jobs, profiles } = deps;
  const coverage = createCoverageService({
    db,
    clock,
    audit,
    jobs,
    circleMetres: circleSourceFrom(profiles),
    defaultMetres: config.serviceCircleMetres,
  });
  jobs.register(COVERAGE_REFRESH_JOB, coverage.handleJob);
  return {
    meals: createMealService({
      db,
      clock,
      audit,
      cipher,
      subsidyRule: mealSubsidySourceFrom(profiles, config.mealSubsidyRule),
    }),
    coverage,
    complaints: createComplaintService({ db, clock, audit, responseWorkingDays: config.complaintResponseWorkingDays }),
  };
}
