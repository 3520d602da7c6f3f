import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { contactExportSchema, contactListSchema, contactSchema, importReportSchema } from '@shared/contacts/contact.schema';
import type { ContactExport, ContactList, ImportReport } from '@shared/contacts/contact.schema';
import { segmentsSchema } from '@shared/contacts/segment.schema';
import { problemSchema } from '@shared/http/problem.schema';
import { ApiError, CLIENT_PROBLEM_CODES } from '../lib/api-client';
import type { ApiClient } from '../lib/api-client';

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
  };
}

/**
 * Sends a CSV file as it is (`text/csv`); the server streams it, so the file is never parsed here.
 * The JSON api client cannot send a raw body, hence this one call of its own.
 */
export async function uploadContactsCsv(file: Blob, doFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<ImportReport> {
  let response: Response;
  try {
    response = await doFetch('/api/contacts', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv; charset=utf-8', Accept: 'application/json, application/problem+json', [CSRF_HEADER]: '1' },
      body: file,
    });
  } catch (cause) {
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: cause instanceof Error ? cause.message : undefined,
      code: CLIENT_PROBLEM_CODES.network,
    });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = problemSchema.safeParse(payload);
    throw new ApiError(
      response.status,
      problem.success ? problem.data : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
    );
  }
  const report = importReportSchema.safeParse(payload);
  if (!report.success) {
    throw new ApiError(response.status, { type: 'about:blank', title: 'Unexpected reply from the server', status: response.status, code: CLIENT_PROBLEM_CODES.invalidReply });
  }
  return report.data;
}

/** Offers the export as a file download named after the contact. */
export function downloadJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
