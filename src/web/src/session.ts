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
