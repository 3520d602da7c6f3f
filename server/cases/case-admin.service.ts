import { Types } from 'mongoose';
import { businessCalendarSchema, type BusinessCalendar } from '@shared/cases/business-calendar.schema';
import type { TeamInput } from '@shared/cases/case-api.schema';
import type { CaseTeamList } from '@shared/cases/case-teams.schema';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy } from '@shared/cases/sla-policy.schema';
import { UserModel } from '../auth/user.model';
import { Invalid, NotFound } from '../lib/errors';
import { SlaPolicyModel } from './sla-policy.model';
import { TeamModel } from './team.model';

type TeamBody = Required<Omit<TeamInput, 'calendar'>> & { calendar: BusinessCalendar };

const toTeam = (doc: { _id: Types.ObjectId; name: string; members: readonly unknown[]; lead?: unknown; calendar: unknown; slaPolicyId?: unknown }) => ({
  id: doc._id.toString(),
  name: doc.name,
  members: doc.members.map(String),
  lead: doc.lead ? String(doc.lead) : null,
  calendar: doc.calendar as BusinessCalendar,
  slaPolicyId: doc.slaPolicyId ? String(doc.slaPolicyId) : null,
});

/** Members and lead must be staff who exist; the policy must exist. */
async function checkTeamRefs(body: TeamBody): Promise<void> {
  const users = [...new Set([...body.members, ...(body.lead ? [body.lead] : [])])];
  const found = await UserModel.countDocuments({ _id: { $in: users } });
  if (found !== users.length) throw new Invalid('Some members or the lead are not users.', [{ name: 'body.members', reason: 'must be existing users' }]);
  if (body.slaPolicyId && !(await SlaPolicyModel.exists({ _id: body.slaPolicyId }))) {
    throw new Invalid('There is no such SLA policy.', [{ name: 'body.slaPolicyId', reason: 'must be an existing policy' }]);
  }
}

export async function listTeams() {
  return (await TeamModel.find().sort({ name: 1 }).lean()).map(toTeam);
}

export async function createTeam(body: TeamBody) {
  await checkTeamRefs(body);
  return toTeam((await TeamModel.create(body)).toObject());
}

export async function updateTeam(id: string, body: TeamBody) {
  await checkTeamRefs(body);
  const doc = await TeamModel.findByIdAndUpdate(id, { $set: body }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFound(`There is no team ${id}.`);
  return toTeam(doc);
}

/** Replaces a team's business calendar; running clocks take it on their next change. */
export async function setTeamCalendar(id: string, calendar: BusinessCalendar) {
  const doc = await TeamModel.findByIdAndUpdate(id, { $set: { calendar } }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFound(`There is no team ${id}.`);
  return toTeam(doc);
}

/** A stored policy, checked again on the way out (it was validated on the way in). */
const storedPolicy = (doc: Record<string, unknown>): SlaPolicy => slaPolicySchema.parse({ name: doc.name, warningRatio: doc.warningRatio, rules: doc.rules, escalation: doc.escalation });
const toPolicy = (doc: { _id: Types.ObjectId } & Record<string, unknown>) => ({ id: doc._id.toString(), ...storedPolicy(doc) });

export async function listSlaPolicies() {
  return (await SlaPolicyModel.find().sort({ name: 1 }).lean()).map(toPolicy);
}
export async function createSlaPolicy(body: SlaPolicy) {
  return toPolicy((await SlaPolicyModel.create(body)).toObject());
}
export async function updateSlaPolicy(id: string, body: SlaPolicy) {
  const doc = await SlaPolicyModel.findByIdAndUpdate(id, { $set: body }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFound(`There is no SLA policy ${id}.`);
  return toPolicy(doc);
}

/** One SLA policy by id, or null (a standard version copies the policy it names). */
export async function findSlaPolicy(id: string) {
  const doc = Types.ObjectId.isValid(id) ? await SlaPolicyModel.findById(id).lean() : null;
  return doc ? toPolicy(doc) : null;
}

export interface TeamRules {
  team: ReturnType<typeof toTeam>;
  calendar: BusinessCalendar;
  policy: SlaPolicy;
}

type TeamWithPolicy = Parameters<typeof toTeam>[0] & { policy: Array<Record<string, unknown>> };

/** Teams matching `match`, each with the calendar and policy its clocks run on, in one round trip (the policy joined in). */
async function rulesOfTeams(match: Record<string, unknown>): Promise<TeamRules[]> {
  const docs = await TeamModel.aggregate<TeamWithPolicy>([
    { $match: match },
    { $lookup: { from: SlaPolicyModel.collection.collectionName, localField: 'slaPolicyId', foreignField: '_id', as: 'policy' } },
  ]);
  return docs.map((doc) => {
    const team = toTeam(doc);
    const policy = doc.policy[0];
    return { team, calendar: businessCalendarSchema.parse(team.calendar), policy: policy ? storedPolicy(policy) : DEFAULT_SLA_POLICY };
  });
}

/** The team a case belongs to with the calendar and policy its clocks run on. */
export async function teamRules(teamId: Types.ObjectId | string): Promise<TeamRules | null> {
  if (!Types.ObjectId.isValid(teamId)) return null;
  return (await rulesOfTeams({ _id: new Types.ObjectId(teamId) }))[0] ?? null;
}

/** The rules of every team a user is a member of (an agent's teams: the only cases it may work). */
export async function teamRulesOfMember(userId: string): Promise<TeamRules[]> {
  return rulesOfTeams({ members: new Types.ObjectId(userId) });
}

/**
 * The teams a staff member works cases in (admins: every team), members named, for the case UI. Names
 * only: an agent learns no email or role of a colleague from it.
 */
export async function caseTeamsOf(actor: { id: string; role: string }): Promise<CaseTeamList> {
  const filter = actor.role === 'admin' ? {} : { members: new Types.ObjectId(actor.id) };
  const teams = await TeamModel.find(filter, { name: 1, members: 1, lead: 1 }).sort({ name: 1 }).lean();
  const ids = [...new Set(teams.flatMap((t) => t.members.map(String)))];
  const users = await UserModel.find({ _id: { $in: ids } }, { name: 1 }).lean();
  const names = new Map(users.map((u) => [u._id.toString(), u.name]));
  return {
    teams: teams.map((t) => ({
      id: t._id.toString(),
      name: t.name,
      lead: t.lead ? String(t.lead) : null,
      members: t.members.map(String).map((id) => ({ id, name: names.get(id) ?? id })),
    })),
  };
}

/** The teams a user is a member of (what an agent may work). */
export async function teamIdsOf(userId: string): Promise<Types.ObjectId[]> {
  return (await TeamModel.find({ members: new Types.ObjectId(userId) }, { _id: 1 }).lean()).map((t) => t._id);
}
