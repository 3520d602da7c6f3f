import { serviceReportListSchema, serviceReportSchema } from '@shared/reports/report.schema';
import type { ApiClient } from '../lib/api-client';

/** Built reports: the list of past ones and one whole (every staff role reads them). */
export function reportsApi(api: ApiClient) {
  return {
    list: () => api.get('/api/reports', serviceReportListSchema).then((reply) => reply.reports),
    get: (id: string) => api.get(`/api/reports/${id}`, serviceReportSchema),
  };
}
