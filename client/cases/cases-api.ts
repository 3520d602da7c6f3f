import { z } from 'zod';
import { caseListSchema, caseViewSchema, type CaseAssign, type CaseListQuery } from '@shared/cases/case-api.schema';
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
    teams: () => api.get('/api/cases/teams', caseTeamListSchema).then((reply) => reply.teams),
    move: (ref: string, move: CaseMove, note?: string) => api.post(`/api/cases/${ref}/transitions`, note ? { move, note } : { move }, caseViewSchema),
    assign: (ref: string, body: CaseAssign) => api.put(`/api/cases/${ref}/assignment`, body, caseViewSchema),
    bulkAssign: (refs: string[], body: CaseAssign) => api.post('/api/cases/bulk-assign', { refs, ...body }, bulkAssignReplySchema),
    note: (ref: string, text: string) => api.post(`/api/cases/${ref}/notes`, { text }, caseViewSchema),
  };
}
