import type { Role } from '@kangyang/domain/access';
import { breaksSeparationOfDuties } from '@kangyang/domain/access';
import { roleGrants, users } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { hashPassword } from './password.ts';

export type NewAccount = {
  username: string;
  displayName: string;
  password: string;
  grants: readonly { role: Role; regionCode: string; organisationId?: string | null }[];
  organisationId?: string | null;
  isDemo?: boolean;
  mustChangePassword?: boolean;
};

/** Creates a user with its grants; refuses combinations that break the separation of duties (MLP-7). */
export async function createAccount(db: Db, account: NewAccount, now: Date): Promise<string> {
  if (breaksSeparationOfDuties(account.grants.map((grant) => grant.role)))
    throw new Error(`account ${account.username} would break the separation of duties`);
  const id = uuidv7(now.getTime());
  const passwordHash = await hashPassword(account.password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      status: 'active',
      failedCount: 0,
      mustChangePassword: account.mustChangePassword ?? false,
      passwordChangedAt: now,
      organisationId: account.organisationId ?? null,
      isDemo: account.isDemo ?? false,
      createdAt: now,
      version: 1,
    });
    if (account.grants.length > 0) {
      await tx.insert(roleGrants).values(
        account.grants.map((grant) => ({
          id: uuidv7(now.getTime()),
          userId: id,
          role: grant.role,
          regionCode: grant.regionCode,
          organisationId: grant.organisationId ?? null,
          createdAt: now,
        })),
      );
    }
  });
  return id;
}
