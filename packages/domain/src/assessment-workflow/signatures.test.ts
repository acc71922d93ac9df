import { describe, expect, it } from 'vitest';
import { addSignature, signaturesAfterEdit, signaturesComplete, signedContent } from './signatures.ts';
import { deriveFlags, EMPTY_SUPPORTING_DATA } from './supporting-data.ts';

const flags = deriveFlags(EMPTY_SUPPORTING_DATA);
const a = { assessorId: 'a', userId: 'ua', name: '甲' };
const b = { assessorId: 'b', userId: 'ub', name: '乙' };

describe('assessment signatures (assessment.md §9)', () => {
  it('signs canonical content: key order and unanswered items do not change it', () => {
    const one = signedContent({ instrumentVersion: 'v/r1', answers: { x: 1, y: 2 }, flags });
    const two = signedContent({ instrumentVersion: 'v/r1', answers: { y: 2, x: 1, z: null }, flags });
    expect(one).toBe(two);
    expect(one).not.toBe(signedContent({ instrumentVersion: 'v/r1', answers: { x: 1, y: 3 }, flags }));
    expect(one).not.toBe(
      signedContent({ instrumentVersion: 'v/r1', answers: { x: 1, y: 2 }, flags: { ...flags, coma: true } }),
    );
  });

  it('only an assigned assessor signs, once per content', () => {
    expect(addSignature([], { ...a, assessorId: 'c' }, ['a', 'b'], 'h1', 't')).toEqual({
      ok: false,
      error: { code: 'ASSESSMENT_NOT_YOUR_ROLE' },
    });
    const first = addSignature([], a, ['a', 'b'], 'h1', 't1');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(addSignature(first.value, a, ['a', 'b'], 'h1', 't2')).toEqual({
      ok: false,
      error: { code: 'ASSESSMENT_ALREADY_SIGNED' },
    });
    const both = addSignature(first.value, b, ['a', 'b'], 'h1', 't2');
    expect(both.ok && signaturesComplete(both.value, ['a', 'b'], 'h1')).toBe(true);
  });

  it('any change to the content voids both signatures; the same content keeps them', () => {
    const signed = [
      { ...a, signedAt: 't1', hash: 'h1' },
      { ...b, signedAt: 't2', hash: 'h1' },
    ];
    expect(signaturesAfterEdit(signed, 'h1')).toEqual({ kept: signed, voided: [] });
    expect(signaturesAfterEdit(signed, 'h2')).toEqual({ kept: [], voided: signed });
    expect(signaturesComplete(signed, ['a', 'b'], 'h2')).toBe(false);
    expect(signaturesComplete(signed.slice(0, 1), ['a', 'b'], 'h1')).toBe(false);
  });
});
