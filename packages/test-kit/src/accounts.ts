import type { Role } from '@kangyang/domain/access';
import type { Database } from '@kangyang/services';
import { createAccount } from '@kangyang/services/auth/accounts';

/** Synthetic password of every test account (meets the staff policy of MLP-5). */
export const TEST_PASSWORD = 'Kangyang-Test-2026!';

export type AccountSpec = { readonly username: string; readonly role: Role; readonly regionCode: string };
export type TestAccount = AccountSpec & { readonly userId: string; readonly password: string };

/**
 * One account per demo role, with the demo district's scopes (seed-accounts.ts): two street officers
 * of different streets, so that "another street" exists for scope tests (AZ-3).
 */
export const ROLE_ACCOUNTS: readonly AccountSpec[] = [
  { username: 'admin', role: 'demoAdmin', regionCode: '330102' },
  { username: 'district', role: 'civilAffairsAdmin', regionCode: '330102' },
  { username: 'street', role: 'streetOfficer', regionCode: '330102002' },
  { username: 'street2', role: 'streetOfficer', regionCode: '330102001' },
  { username: 'community', role: 'communityWorker', regionCode: '330102002001' },
  { username: 'caregiver', role: 'caregiver', regionCode: '330102' },
  { username: 'institution', role: 'institutionManager', regionCode: '330102' },
  { username: 'assessor', role: 'assessor', regionCode: '330102' },
  { username: 'finance', role: 'financeOfficer', regionCode: '330102' },
  { username: 'auditor', role: 'auditor', regionCode: '330102' },
  { username: 'sysadmin', role: 'sysAdmin', regionCode: '330102' },
  { username: 'secadmin', role: 'securityAdmin', regionCode: '330102' },
  { username: 'elder', role: 'elder', regionCode: '330102002' },
  { username: 'family', role: 'familyMember', regionCode: '330102002' },
];

/** Creates the accounts through the real account service (argon2 hashes, grants), all with TEST_PASSWORD. */
export async function createTestAccounts(
  database: Database,
  now: Date,
  specs: readonly AccountSpec[] = ROLE_ACCOUNTS,
): Promise<Map<string, TestAccount>> {
  const accounts = new Map<string, TestAccount>();
  for (const spec of specs) {
    const userId = await createAccount(
      database.db,
      {
        username: spec.username,
        displayName: `${spec.role} (test)`,
        password: TEST_PASSWORD,
        grants: [{ role: spec.role, regionCode: spec.regionCode }],
      },
      now,
    );
    accounts.set(spec.username, { ...spec, userId, password: TEST_PASSWORD });
  }
  return accounts;
}
