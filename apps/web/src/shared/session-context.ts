import { createContext, useContext } from 'react';
import type { MeResponse } from '@kangyang/contracts/auth';
import type { Permission } from '@kangyang/domain/access';

export type Session = { me: MeResponse; can: (permission: Permission) => boolean };

export const SessionContext = createContext<Session | null>(null);

export function sessionOf(me: MeResponse): Session {
  const permissions = new Set(me.permissions);
  return { me, can: (permission) => permissions.has(permission) };
}

/** The signed-in user; only pages inside the signed-in layout call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in layout');
  return session;
}
