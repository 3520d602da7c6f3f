import { CSRF_HEADER } from '../../../shared/auth/auth.schema';

/** Signs in to a running platform and returns the session cookie (`name=value`) for later requests. */
export async function benchLogin(url: string, email: string, password: string): Promise<string> {
  const reply = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = reply.headers.get('set-cookie')?.split(';')[0];
  if (reply.status !== 200 || !cookie) throw new Error(`login failed: ${reply.status}`);
  return cookie;
}
