import { z } from 'zod';
import { reportDefinitionListSchema, reportDefinitionSchema, serviceReportListSchema, serviceReportSchema, type ReportDefinitionInput } from '@shared/reports/report.schema';
import type { ApiClient } from '../lib/api-client';

const sentSchema = z.object({ report: serviceReportSchema });
/** `?period=` when one is asked for; the server takes the last closed period otherwise. */
const periodQuery = (period: string) => (period ? `?period=${encodeURIComponent(period)}` : '');

/** Built reports (every staff role reads them) and, for admins, the definitions behind them. */
export function reportsApi(api: ApiClient) {
  return {
    list: () => api.get('/api/reports', serviceReportListSchema).then((reply) => reply.reports),
    get: (id: string) => api.get(`/api/reports/${id}`, serviceReportSchema),
    definitions: () => api.get('/api/reports/definitions', reportDefinitionListSchema).then((reply) => reply.definitions),
    createDefinition: (input: ReportDefinitionInput) => api.post('/api/reports/definitions', input, reportDefinitionSchema),
    updateDefinition: (id: string, input: ReportDefinitionInput) => api.put(`/api/reports/definitions/${id}`, input, reportDefinitionSchema),
    removeDefinition: (id: string) => api.delete(`/api/reports/definitions/${id}`),
    /** The report as it would be built now for `period`, stored nowhere and sent to nobody. */
    preview: (id: string, period: string) => api.get(`/api/reports/definitions/${id}/preview${periodQuery(period)}`, serviceReportSchema),
    /** Builds the period's report (once) and queues its email to every recipient who has not had it. */
    sendNow: (id: string, period: string) => api.post(`/api/reports/definitions/${id}/send${periodQuery(period)}`, undefined, sentSchema).then((reply) => reply.report),
  };
}
