import { z } from 'zod';
import { caseContactSchema, caseListQuerySchema, caseListSchema, caseViewSchema, type CaseAssign, type CaseListQuery } from '@shared/cases/case-api.schema';
import type { CaseMove } from '@shared/cases/case-states';
import { caseTeamListSchema } from '@shared/cases/case-teams.schema';
import type { ApiClient } from '../lib/api-client';

export const bulkAssignReplySchema = z.object({
  assigned: z.array(z.string()),
  failed: z.array(z.object({ ref: z.string(), status: z.number(), detail: z.string() })),
});
export type BulkAssignReply = z.infer<typeof bulkAssignReplySchema>;

/** Inbox query as the page keeps it: every filter optional, defaults left to the server. */
export type InboxQuery = Partial<Omit<CaseListQuery, 'limit'>>;

/** The inbox opens on one's own cases. */
export const DEFAULT_INBOX_QUERY: InboxQuery = { view: 'mine' };

const addressQuerySchema = caseListQuerySchema.omit({ limit: true, cursor: true }).partial();

/**
 * The inbox query kept in the address bar (so "back" from a case returns to the same view and filters);
 * a hand-edited address the API would refuse falls back to the default rather than failing the page.
 */
export function inboxQueryFrom(search: string): InboxQuery {
  const params = Object.fromEntries(new URLSearchParams(search));
  const parsed = addressQuerySchema.safeParse(params);
  if (!parsed.success) return DEFAULT_INBOX_QUERY;
  // The schema's own default view is the API's ("all"); the page's is one's own cases.
  const given = Object.entries(parsed.data).filter(([key, value]) => value !== undefined && key in params);
  return { ...DEFAULT_INBOX_QUERY, ...Object.fromEntries(given) };
}

/** The query string of an inbox query, empty values left out. */
export function inboxSearch(query: InboxQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The case pages' calls; replies are checked against the shared schemas. */
export function casesApi(api: ApiClient) {
  return {
    list: (query: InboxQuery) => api.get(`/api/cases${inboxSearch(query)}`, caseListSchema),
    get: (ref: string) => api.get(`/api/cases/${ref}`, caseViewSchema),
    contact: (ref: string) => api.get(`/api/cases/${ref}/contact`, caseContactSchema).then((reply) => reply.contact),
    teams: () => api.get('/api/cases/teams', caseTeamListSchema).then((reply) => reply.teams),
    move: (ref: string, move: CaseMove, note?: string) => api.post(`/api/cases/${ref}/transitions`, note ? { move, note } : { move }, caseViewSchema),
    assign: (ref: string, body: CaseAssign) => api.put(`/api/cases/${ref}/assignment`, body, caseViewSchema),
    bulkAssign: (refs: string[], body: CaseAssign) => api.post('/api/cases/bulk-assign', { refs, ...body }, bulkAssignReplySchema),
    setCategory: (ref: string, category: string | null) => api.put(`/api/cases/${ref}/category`, { category }, caseViewSchema),
    note: (ref: string, text: string) => api.post(`/api/cases/${ref}/notes`, { text }, caseViewSchema),
    /** A message to the customer: emailed when the case has a contact email. */
    message: (ref: string, text: string) => api.post(`/api/cases/${ref}/messages`, { text }, caseViewSchema),
  };
}
