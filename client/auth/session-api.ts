import { meResponseSchema } from '@shared/auth/auth.schema';
import type { LoginInput, User } from '@shared/auth/auth.schema';
import { ApiError } from '../lib/api-client';
import type { ApiClient } from '../lib/api-client';

/** The signed-in user, or null when the session cookie is missing or expired (401). */
export async function fetchCurrentUser(api: ApiClient): Promise<User | null> {
  try {
    return (await api.get('/api/auth/me', meResponseSchema)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in; the server sets the httpOnly session cookie. Rejects with ApiError (401 wrong password, 429 rate-limited). */
export async function signIn(api: ApiClient, input: LoginInput): Promise<User> {
  return (await api.post('/api/auth/login', input, meResponseSchema)).user;
}

export async function signOut(api: ApiClient): Promise<void> {
  await api.post('/api/auth/logout');
}
