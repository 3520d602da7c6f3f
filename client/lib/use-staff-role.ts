import type { Role } from '@shared/auth/auth.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { api } from './api-client';
import { useLoad } from './use-load';

/** The signed-in user's role, null until known (controls stay hidden meanwhile; the API decides anyway). */
export function useStaffRole(): Role | null {
  const { state } = useLoad('the signed-in user', () => fetchCurrentUser(api));
  return state.kind === 'ready' ? (state.value?.role ?? null) : null;
}
