import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with OWASP-recommended memory and time costs.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Used for unknown usernames so that a miss costs as long as a wrong password (MLP-3). */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kangyang-dummy-password-for-timing');
  return dummyHash;
}

const COMMON_PASSWORDS = new Set([
  'password1234',
  '123456789012',
  'qwertyuiop12',
  'admin1234567',
  'kangyang1234',
  'iloveyou1234',
  'password@123',
  'abcd12345678',
  'a1b2c3d4e5f6',
  'woaini123456',
]);

/** MLP-5 staff policy: ≥ 12 chars; 3 of 4 classes or ≥ 16 chars; not common; not containing the username. */
export function passwordPolicyProblem(password: string, username: string): string | undefined {
  if (password.length < 12) return 'tooShort';
  if (password.length > 128) return 'tooLong';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3 && password.length < 16) return 'tooSimple';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'common';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'containsUsername';
  return undefined;
}
