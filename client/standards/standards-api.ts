import { slaPolicyOptionsSchema, standardDiffSchema, standardVersionListSchema, standardVersionSchema } from '@shared/standards/standard.schema';
import type { StandardVersionInput } from '@shared/standards/standard.schema';
import type { ApiClient } from '../lib/api-client';

const base = (key: string) => `/api/touchpoints/${encodeURIComponent(key)}/standard`;

/** A touchpoint standard's calls; replies are checked against the shared schemas. */
export function standardsApi(api: ApiClient) {
  return {
    versions: (key: string) => api.get(`${base(key)}/versions`, standardVersionListSchema).then((reply) => reply.versions),
    create: (key: string, input: StandardVersionInput) => api.post(`${base(key)}/versions`, input, standardVersionSchema),
    diff: (key: string, from: number, to: number) => api.get(`${base(key)}/diff?from=${from}&to=${to}`, standardDiffSchema),
    /** Admins only; null for other roles, who keep the policy the latest version has. */
    slaPolicies: () => api.get('/api/case-admin/sla-policies', slaPolicyOptionsSchema).then((reply) => reply.policies, () => null),
  };
}
