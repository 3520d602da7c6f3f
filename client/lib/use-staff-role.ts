import { useEffect, useState } from 'react';
import type { Role } from '@shared/auth/auth.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { api } from './api-client';

/** The signed-in user's role, null until known (controls stay hidden meanwhile; the API decides anyway). */
export function useStaffRole(): Role | null {
  const [role, setRole] = useState<Role | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchCurrentUser(api).then(
      (user) => !cancelled && setRole(user?.role ?? null),
      (error: unknown) => console.error('Could not read the signed-in user', error),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return role;
}
