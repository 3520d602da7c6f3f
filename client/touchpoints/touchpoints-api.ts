import { touchpointListSchema, touchpointSchema } from '@shared/touchpoints/touchpoint.schema';
import type { TouchpointInput, TouchpointUpdate } from '@shared/touchpoints/touchpoint.schema';
import type { ApiClient } from '../lib/api-client';

/** The Touchpoints section's calls; replies are checked against the shared schemas. */
export function touchpointsApi(api: ApiClient) {
  return {
    list: () => api.get('/api/touchpoints', touchpointListSchema).then((reply) => reply.touchpoints),
    get: (key: string) => api.get(`/api/touchpoints/${encodeURIComponent(key)}`, touchpointSchema),
    create: (input: TouchpointInput) => api.post('/api/touchpoints', input, touchpointSchema),
    update: (key: string, update: TouchpointUpdate) => api.patch(`/api/touchpoints/${encodeURIComponent(key)}`, update, touchpointSchema),
  };
}
