import { useEffect, useState } from 'react';
import type { Role } from '@shared/auth/auth.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { api } from '../lib/api-client';

/** Roles that may import, edit, change consent and export; only admins erase. */
export const MAY_EDIT_CONTACTS: readonly Role[] = ['admin', 'designer'];

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
