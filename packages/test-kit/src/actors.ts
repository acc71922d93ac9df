import type { Role } from '@kangyang/domain/access';
import { makeActor, type Actor } from '@kangyang/services';

let counter = 0;

/** An actor with one grant, for service tests (no session needed). */
export function actorWith(role: Role, regionCode: string, organisationId: string | null = null): Actor {
  counter += 1;
  return makeActor({
    userId: `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    username: `${role}-${counter}`,
    displayName: role,
    grants: [{ role, regionCode, organisationId }],
    organisationId,
    isDemo: false,
    request: { requestId: `test-${counter}`, ip: '127.0.0.1', userAgent: 'vitest' },
  });
}
