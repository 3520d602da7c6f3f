import { HONEYPOT_FIELD } from '@shared/responses/response-constants';

/** What the page needs of the form reply (checked by shape: the public bundle carries no zod). */
export interface ComplaintFormInfo {
  touchpoint: { key: string; name: string };
  channels: string[];
}

export type FormLoad = { kind: 'found'; form: ComplaintFormInfo } | { kind: 'not-found' };

/** The touchpoint key of a `/complain/<touchpoint>` path, or null. */
export function touchpointFromPath(pathname: string): string | null {
  const match = /^\/complain\/([a-z0-9][a-z0-9-]*)\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

function isFormInfo(value: unknown): value is ComplaintFormInfo {
  const v = value as ComplaintFormInfo | null;
  return typeof v?.touchpoint?.key === 'string' && typeof v.touchpoint.name === 'string' && Array.isArray(v.channels) && v.channels.every((c) => typeof c === 'string');
}

export async function loadComplaintForm(touchpoint: string): Promise<FormLoad> {
  const reply = await fetch(`/api/public/complaints/${encodeURIComponent(touchpoint)}`, { headers: { accept: 'application/json' } });
  if (reply.status === 404) return { kind: 'not-found' };
  const body: unknown = await reply.json().catch(() => null);
  if (!reply.ok || !isFormInfo(body)) throw new Error(`complaint form not loaded: ${reply.status}`);
  return { kind: 'found', form: body };
}

export interface ComplaintDraft {
  submissionId: string;
  name: string;
  email: string;
  phone: string;
  channel: string;
  description: string;
  honeypot: string;
}

export type SendResult = { kind: 'filed'; caseRef: string } | { kind: 'invalid'; fields: string[] } | { kind: 'too-many' } | { kind: 'failed' };

/** Sends the complaint; empty optional fields are left out, as the API wants. */
export async function sendComplaint(touchpoint: string, draft: ComplaintDraft, locale: string, elapsedMs: number): Promise<SendResult> {
  const body: Record<string, unknown> = { submissionId: draft.submissionId, name: draft.name.trim(), description: draft.description.trim(), locale, elapsedMs };
  if (draft.email.trim()) body.email = draft.email.trim();
  if (draft.phone.trim()) body.phone = draft.phone.trim();
  if (draft.channel) body.channel = draft.channel;
  if (draft.honeypot) body[HONEYPOT_FIELD] = draft.honeypot;
  let reply: Response;
  try {
    reply = await fetch(`/api/public/complaints/${encodeURIComponent(touchpoint)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { kind: 'failed' };
  }
  const json = (await reply.json().catch(() => null)) as { case?: unknown; invalid_params?: Array<{ name?: unknown }> } | null;
  if (reply.ok && typeof json?.case === 'string') return { kind: 'filed', caseRef: json.case };
  if (reply.status === 400) return { kind: 'invalid', fields: (json?.invalid_params ?? []).map((p) => String(p.name ?? '').replace(/^body\./, '')) };
  if (reply.status === 429) return { kind: 'too-many' };
  return { kind: 'failed' };
}
