/**
 * The teams a staff member works cases in, with members' names: what the case UI needs to show who a
 * case is assigned to and to offer assignees, without opening the admin-only team settings to agents.
 */
import { z } from 'zod';

export const caseTeamMemberSchema = z.object({ id: z.string(), name: z.string() });

export const caseTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  lead: z.string().nullable(),
  members: z.array(caseTeamMemberSchema),
});
export type CaseTeam = z.infer<typeof caseTeamSchema>;

export const caseTeamListSchema = z.object({ teams: z.array(caseTeamSchema) });
export type CaseTeamList = z.infer<typeof caseTeamListSchema>;
