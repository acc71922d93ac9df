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

export type ServicesOptions = {
  database: Database;
  keyring: Keyring;
  clock: Clock;
  authPolicy?: Partial<AuthPolicy>;
};

/** Wires every use case over one database; the server, CLI and tests all start here. */
export function createServices(options: ServicesOptions) {
  const { database, keyring, clock } = options;
  const db = database.db;
  const cipher = createFieldCipher(keyring);
  const audit = createAuditService({ db, clock, chainKey: keyring.auditChainKey });
  const auth = createAuthService({ db, clock, audit, cipher, policy: options.authPolicy ?? {} });
  return {
    database,
    clock,
    cipher,
    audit,
    auditLog: createAuditLogService({ audit, cipher }),
    auth,
    twoFactor: createTwoFactorService({ db, clock, audit, cipher, revokeAllSessions: auth.revokeAllSessions }),
    elders: createElderService({ db, clock, audit, cipher }),
    regions: createRegionService({ db }),
    idempotency: createIdempotencyService({ db, clock }),
    jobs: createJobQueue({ db, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
