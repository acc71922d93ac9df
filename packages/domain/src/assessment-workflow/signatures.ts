import { err, ok, type Result } from '../result/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { DerivedFlags } from './supporting-data.ts';

/**
 * Signatures (assessment.md §9): an authenticated confirmation by one assigned assessor, with a time
 * and the SHA-256 hash of the canonical answers and flags. The shell computes the hash of
 * `signedContent`; any later change to that content voids both signatures.
 */
export type Signature = {
  readonly assessorId: string;
  readonly userId: string;
  readonly name: string;
  /** ISO instant of the confirmation. */
  readonly signedAt: string;
  /** Hex SHA-256 of `signedContent` at signing. */
  readonly hash: string;
};

export type Answers = Readonly<Record<string, number | null>>;

/** The exact text whose hash is signed: instrument revision, answers (null means unanswered) and flags. */
export function signedContent(input: { instrumentVersion: string; answers: Answers; flags: DerivedFlags }): string {
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, points]) => points !== null));
  return canonicalJson({ instrumentVersion: input.instrumentVersion, answers, flags: input.flags });
}

export type Signer = { readonly assessorId: string; readonly userId: string; readonly name: string };

export type SignatureErrorCode = 'ASSESSMENT_NOT_YOUR_ROLE' | 'ASSESSMENT_ALREADY_SIGNED';

/** Adds the signer's signature for the current content; only an assigned assessor signs, once per content. */
export function addSignature(
  signatures: readonly Signature[],
  signer: Signer,
  assignedAssessorIds: readonly string[],
  hash: string,
  signedAt: string,
): Result<Signature[], { code: SignatureErrorCode }> {
  if (!assignedAssessorIds.includes(signer.assessorId)) return err({ code: 'ASSESSMENT_NOT_YOUR_ROLE' });
  const current = signatures.filter((signature) => signature.hash === hash);
  if (current.some((signature) => signature.assessorId === signer.assessorId))
    return err({ code: 'ASSESSMENT_ALREADY_SIGNED' });
  return ok([...current, { ...signer, signedAt, hash }]);
}

/** After an edit: unchanged content keeps the signatures; any change voids both (all of them). */
export function signaturesAfterEdit(
  signatures: readonly Signature[],
  newHash: string,
): { kept: Signature[]; voided: Signature[] } {
  const unchanged = signatures.every((signature) => signature.hash === newHash);
  return unchanged ? { kept: [...signatures], voided: [] } : { kept: [], voided: [...signatures] };
}

/** Both assigned assessors signed the current content. */
export function signaturesComplete(
  signatures: readonly Signature[],
  assignedAssessorIds: readonly string[],
  hash: string,
): boolean {
  return (
    assignedAssessorIds.length === 2 &&
    assignedAssessorIds.every((id) =>
      signatures.some((signature) => signature.assessorId === id && signature.hash === hash),
    )
  );
}
