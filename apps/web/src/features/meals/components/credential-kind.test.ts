import { describe, expect, it } from 'vitest';
import { credentialKindOf, yuan } from './credential-kind.ts';

describe('counter input kinds', () => {
  it('tells a QR payload, an ID number and a card number apart', () => {
    expect(credentialKindOf('KY1:E:01900000-0000-7000-8000-000000000001')).toBe('qr');
    expect(credentialKindOf(' 01900000-0000-7000-8000-000000000001 ')).toBe('qr');
    expect(credentialKindOf('33010219440315002x')).toBe('idNumber');
    expect(credentialKindOf('MC330102000001')).toBe('card');
    expect(yuan(1250)).toBe('12.50');
  });
});
