import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import { createFieldCipher, type Keyring } from './crypto/field-cipher.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createAuditLogService } from './audit/audit-log.service.ts';
import { createAuthService, type AuthPolicy } from './auth/auth.service.ts';
import { createTwoFactorService } from './auth/two-factor.service.ts';
import { createElderService } from './elders/elder.service.ts';
import { createRegionService } from './regions/region.service.ts';
import { createIdempotencyService } from './idempotency/idempotency.service.ts';
import { createJobQueue } from './jobs/job-queue.ts';
import { createProfileService } from './profiles/profile.service.ts';
import { createEligibilityService } from './applications/eligibility.service.ts';
import { createApplicationService } from './applications/application.service.ts';
import { createRecheckService } from './applications/recheck.service.ts';
import { ENTITLEMENT_RECHECK_JOB } from './applications/recheck-job.ts';
import { createImportService } from './imports/import.service.ts';
import { createExportService } from './exports/export.service.ts';
import { defaultImportsDir } from './imports/import-file.ts';
import { createAssessmentService } from './assessments/assessment.service.ts';
import { caregiverRuleFrom, createLedgerService } from './ledger/ledger.service.ts';
import { LEDGER_STOP_JOB } from './ledger/stop-recovery.ts';
import { createWorkerService } from './workers/worker.service.ts';
import { createIndicatorService } from './indicators/indicator.service.ts';
import { createIndicatorRecordsService } from './indicators/indicator-records.service.ts';
import { createOverviewExports } from './indicators/overview-exports.service.ts';
import { createOverviewService } from './indicators/overview.service.ts';
import { createFacilityService } from './facilities/facility.service.ts';
import { createRollupRefresh, INDICATOR_REFRESH_JOB } from './indicators/rollup-refresh.ts';
import {
  CARE_PLAN_JOB,
  OFFER_TIMEOUT_JOB,
  ORDER_CLOCK_JOB,
  createHomeCareService,
  type HomeCareConfig,
} from './home-care/home-care.service.ts';
import { createCommunityServices, type CommunityServicesConfig } from './service-sites/community-services-config.ts';
import { createSelfService } from './self-service/self-service.service.ts';

export type ServicesOptions = {
  database: Database;
  keyring: Keyring;
  clock: Clock;
  authPolicy?: Partial<AuthPolicy>;
  /** Where uploaded import files wait for their job (the server passes `${DATA_DIR}/imports`). */
  importsDir?: string;
  /** Rows per import batch and transaction (≤ 5,000). */
  importBatchRows?: number;
  /** Whether imports check and encrypt rows in a worker thread: `auto` (default), `always`, `never`. */
  importWorker?: 'auto' | 'always' | 'never';
  log?: (message: string) => void;
  /** Meal subsidy default, complaint deadline and service-circle distance (HCS-9/10/11). */
  communityServices?: CommunityServicesConfig;
  /** Offer timeout, dispatch radius and EVV tolerance (HCS-4, HCS-6). */
  homeCare?: HomeCareConfig;
};

/** Wires every use case over one database; the server, CLI and tests all start here. */
// eslint-disable-next-line max-lines-per-function -- the composition root: a line or two per use case
export function createServices(options: ServicesOptions) {
  const { database, keyring, clock } = options;
  const db = database.db;
  const cipher = createFieldCipher(keyring);
  const audit = createAuditService({ db, clock, chainKey: keyring.auditChainKey });
  const auth = createAuthService({ db, clock, audit, cipher, policy: options.authPolicy ?? {} });
  const profiles = createProfileService({ db, clock, audit });
  const eligibility = createEligibilityService({ db, clock, audit, profiles });
  const entitlementRecheck = createRecheckService({ db, clock, audit, eligibility });
  const jobs = createJobQueue({ db, clock });
  jobs.register(ENTITLEMENT_RECHECK_JOB, entitlementRecheck.handleJob);
  const ledger = createLedgerService({ db, clock, audit, cipher, caregiverRule: caregiverRuleFrom(profiles) });
  jobs.register(LEDGER_STOP_JOB, ledger.handleStopJob);
  const rollupRefresh = createRollupRefresh({ db, clock, jobs });
  jobs.register(INDICATOR_REFRESH_JOB, rollupRefresh.handleJob);
  const community = createCommunityServices({ db, clock, audit, cipher, jobs, profiles }, options.communityServices);
  const homeCare = createHomeCareService({ db, clock, audit, jobs, profiles, config: options.homeCare ?? {} });
  jobs.register(OFFER_TIMEOUT_JOB, homeCare.handleOfferTimeout);
  jobs.register(ORDER_CLOCK_JOB, homeCare.handleOrderClock);
  jobs.register(CARE_PLAN_JOB, homeCare.handleCarePlanJob);
  return {
    database,
    clock,
    cipher,
    audit,
    auditLog: createAuditLogService({ db, audit, cipher }),
    auth,
    twoFactor: createTwoFactorService({ db, clock, audit, cipher, revokeAllSessions: auth.revokeAllSessions }),
    elders: createElderService({ db, clock, audit, cipher }),
    regions: createRegionService({ db, audit }),
    idempotency: createIdempotencyService({ db, clock }),
    jobs,
    profiles,
    assessments: createAssessmentService({
      db,
      clock,
      audit,
      settingsSource: async (regionCode, date) => (await profiles.resolve(regionCode, date))?.profile.assessment,
    }),
    eligibility,
    applications: createApplicationService({ db, clock, audit, eligibility }),
    entitlementRecheck,
    imports: createImportService({
      db,
      clock,
      audit,
      cipher,
      keyring,
      importsDir: options.importsDir ?? defaultImportsDir(),
      batchRows: options.importBatchRows,
      worker: options.importWorker,
      log: options.log,
    }),
    exports: createExportService({ db, clock, audit, log: options.log }),
    ledger,
    workers: createWorkerService({ db, clock, audit, cipher }),
    rollupRefresh,
    indicators: createIndicatorService({ db, clock, audit, profiles, refresh: rollupRefresh }),
    overview: createOverviewService({ db, clock, audit, refresh: rollupRefresh }),
    facilities: createFacilityService({ db, clock, audit, onChange: () => rollupRefresh.enqueue() }),
    indicatorRecords: createIndicatorRecordsService({ db, clock, audit, profiles }),
    overviewExports: createOverviewExports({ db, clock, audit, refresh: rollupRefresh }),
    ...community,
    homeCare,
    selfService: createSelfService({
      db,
      clock,
      audit,
      jobs,
      profiles,
      config: options.homeCare ?? {},
      complaints: community.complaints,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
