import type { Role } from '@shared/auth/auth.schema';
import { contactExportSchema, contactListSchema, contactSchema, importReportSchema } from '@shared/contacts/contact.schema';
import type { ContactExport, ContactList, ImportReport } from '@shared/contacts/contact.schema';
import { segmentsSchema } from '@shared/contacts/segment.schema';
import type { ApiClient } from '../lib/api-client';

/** Roles that may import, edit, change consent and export; only admins erase. */
export const MAY_EDIT_CONTACTS: readonly Role[] = ['admin', 'designer'];

/** What the list can be narrowed by; empty strings mean "any". */
export interface ContactFilters {
  segment: string;
  q: string;
  unsubscribed: '' | 'true' | 'false';
}

export const NO_FILTERS: ContactFilters = { segment: '', q: '', unsubscribed: '' };

/** The query string of `GET /api/contacts` for these filters and page. */
export function contactListQuery(filters: ContactFilters, cursor?: string | null, limit = 50): string {
  const params = new URLSearchParams();
  if (filters.segment) params.set('segment', filters.segment);
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.unsubscribed) params.set('unsubscribed', filters.unsubscribed);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

/** The Contacts section's calls; replies are checked against the shared schemas. */
export function contactsApi(api: ApiClient) {
  const contactPath = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;
  return {
    list: (filters: ContactFilters, cursor?: string | null): Promise<ContactList> =>
      api.get(`/api/contacts?${contactListQuery(filters, cursor)}`, contactListSchema),
    get: (id: string) => api.get(contactPath(id), contactSchema),
    segments: () => api.get('/api/settings/segments', segmentsSchema).then((reply) => reply.segments),
    unsubscribe: (id: string) => api.post(`${contactPath(id)}/unsubscribe`, undefined, contactSchema),
    resubscribe: (id: string) => api.post(`${contactPath(id)}/resubscribe`, undefined, contactSchema),
    exportData: (id: string): Promise<ContactExport> => api.get(`${contactPath(id)}/export`, contactExportSchema),
    erase: (id: string): Promise<void> => api.delete(contactPath(id)),
    /** Sends a CSV file as it is (`text/csv`); the server streams it, so the file is never parsed here. */
    importCsv: (file: Blob): Promise<ImportReport> => api.upload('/api/contacts', file, 'text/csv; charset=utf-8', importReportSchema),
  };
}
