import { createContext, useContext } from 'react';
import type { SessionInfo } from './api/types.js';

export interface SessionState {
  readonly session: SessionInfo;
  /** Replaces the session after the server changed it (a purpose declared). */
  readonly update: (session: SessionInfo) => void;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === undefined) throw new Error('useSession outside a signed-in page');
  return state;
}

export const can = (session: SessionInfo, permission: string): boolean => session.permissions.includes(permission);

/** Where a user lands: the purpose chooser until a purpose is declared, then their role's main page. */
export function homeOf(session: SessionInfo): string {
  if (session.purposes.length > 0 && session.purpose === null) return '/purpose';
  if (can(session, 'person.search')) return '/search';
  if (can(session, 'ledger.read-all')) return '/activity';
  if (can(session, 'dashboard.read')) return '/dashboard';
  return '/activity';
}
