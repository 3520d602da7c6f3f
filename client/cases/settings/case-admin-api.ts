import { z } from 'zod';
import { businessCalendarSchema } from '@shared/cases/business-calendar.schema';
import type { TeamInput } from '@shared/cases/case-api.schema';
import { slaPolicySchema, type SlaPolicyInput } from '@shared/cases/sla-policy.schema';
import type { ApiClient } from '../../lib/api-client';

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.string()),
  lead: z.string().nullable(),
  calendar: businessCalendarSchema,
  slaPolicyId: z.string().nullable(),
});
export type Team = z.infer<typeof teamSchema>;

export const storedPolicySchema = z.intersection(z.object({ id: z.string() }), slaPolicySchema);
export type StoredPolicy = z.infer<typeof storedPolicySchema>;

/** The case settings' calls (admins): teams with their calendars, and SLA policies. */
export function caseAdminApi(api: ApiClient) {
  return {
    teams: () => api.get('/api/case-admin/teams', z.object({ teams: z.array(teamSchema) })).then((reply) => reply.teams),
    createTeam: (input: TeamInput) => api.post('/api/case-admin/teams', input, teamSchema),
    updateTeam: (id: string, input: TeamInput) => api.put(`/api/case-admin/teams/${id}`, input, teamSchema),
    policies: () => api.get('/api/case-admin/sla-policies', z.object({ policies: z.array(storedPolicySchema) })).then((reply) => reply.policies),
    createPolicy: (input: SlaPolicyInput) => api.post('/api/case-admin/sla-policies', input, storedPolicySchema),
    updatePolicy: (id: string, input: SlaPolicyInput) => api.put(`/api/case-admin/sla-policies/${id}`, input, storedPolicySchema),
  };
}
