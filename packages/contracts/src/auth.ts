import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().max(10).optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GrantDto = z.object({
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  organisationId: z.string().nullable(),
});

export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  grants: z.array(GrantDto),
  isDemo: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: MeResponse });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpEnrolResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const TotpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
