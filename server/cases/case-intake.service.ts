import type { CaseSource } from '@shared/cases/case-api.schema';
import type { CasePriority } from '@shared/cases/sla-policy.schema';
import { caseIntakeRulesSchema, EMPTY_INTAKE_RULES, type CaseIntakeRules } from '@shared/cases/case-intake-rules.schema';
import { caseIntakePriority, routeCaseTeam, type IntakeFacts } from '@shared/cases/case-intake-rules';
import type { AppContext } from '../app-context';
import { UserModel } from '../auth/user.model';
import { HttpError, Invalid } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { CaseCategoryModel } from './case-category.model';
import { afterCaseChanged } from './case-events';
import { CaseIntakeRulesModel, CaseOriginModel } from './case-intake.model';
import { CaseModel, nextCaseNumber, type CaseRecord } from './case.model';
import { createCase } from './case.service';
import { TeamModel } from './team.model';

const RULES_ID = 'rules';

/** No routing rule matches and no default team is set: the case has nowhere to go. */
export class NoCaseTeam extends HttpError {
  constructor(touchpoint: string, channel: string) {
    super(409, 'no-case-team', 'No team takes this case', `No routing rule takes cases of ${touchpoint} / ${channel} and no default team is set.`);
  }
}

export async function getCaseIntakeRules(): Promise<CaseIntakeRules> {
  const doc = await CaseIntakeRulesModel.findById(RULES_ID).lean();
  if (!doc) return EMPTY_INTAKE_RULES;
  return caseIntakeRulesSchema.parse({
    defaultTeamId: doc.defaultTeamId ? doc.defaultTeamId.toString() : null,
    routes: doc.routes,
    priorities: doc.priorities,
    defaultPriority: doc.defaultPriority,
  });
}

/** Replaces the rule set; every team and category it names must exist (400 naming the rule otherwise). */
export async function setCaseIntakeRules(rules: CaseIntakeRules): Promise<CaseIntakeRules> {
  const teamRefs = [
    ...(rules.defaultTeamId ? [{ name: 'body.defaultTeamId', id: rules.defaultTeamId }] : []),
    ...rules.routes.map((route, i) => ({ name: `body.routes.${i}.teamId`, id: route.teamId })),
  ];
  const categoryRefs = rules.priorities.flatMap((rule, i) => (rule.categories ?? []).map((key, j) => ({ name: `body.priorities.${i}.categories.${j}`, key })));
  const [teams, categories] = await Promise.all([
    TeamModel.find({ _id: { $in: teamRefs.map((t) => t.id) } }, { _id: 1 }).lean(),
    CaseCategoryModel.find({ key: { $in: categoryRefs.map((c) => c.key) } }, { key: 1 }).lean(),
  ]);
  const knownTeams = new Set(teams.map((t) => t._id.toString()));
  const knownCategories = new Set(categories.map((c) => c.key));
  const unknown = [
    ...teamRefs.filter((t) => !knownTeams.has(t.id)).map((t) => ({ name: t.name, reason: 'must be an existing team' })),
    ...categoryRefs.filter((c) => !knownCategories.has(c.key)).map((c) => ({ name: c.name, reason: 'must be an existing category' })),
  ];
  if (unknown.length > 0) throw new Invalid('The rules name teams or categories that do not exist.', unknown);
  await CaseIntakeRulesModel.updateOne({ _id: RULES_ID }, { $set: rules }, { upsert: true });
  return rules;
}

/** A case no agent placed: the rules choose its team and priority. */
export interface IntakeCase extends Omit<IntakeFacts, 'category'> {
  source: Exclude<CaseSource, 'agent'>;
  /** Unique per thing that opened it (`follow-up/<responseId>`): one case per key, ever. */
  originKey: string;
  origin: Record<string, unknown>;
  summary: string;
  description?: string;
  contactId?: string;
  category?: string | null;
  /** Overrides the priority rules (a complaint that looks like a bot's is low). */
  priority?: CasePriority;
  /** Staff to assign when one of them is a member of the routed team (a touchpoint's owners). */
  assigneeEmails?: readonly string[];
}

/** The first of `emails` who is a member of the team, as an assignee id. */
async function assigneeAmong(teamId: string, emails: readonly string[] | undefined): Promise<string | undefined> {
  if (!emails || emails.length === 0) return undefined;
  const [team, users] = await Promise.all([TeamModel.findById(teamId, { members: 1 }).lean(), UserModel.find({ email: { $in: emails } }, { email: 1 }).lean()]);
  const members = new Set((team?.members ?? []).map(String));
  const byEmail = new Map(users.map((u) => [u.email, u._id.toString()]));
  return emails.map((e) => byEmail.get(e)).find((id): id is string => id !== undefined && members.has(id));
}

async function openClaimed(ctx: AppContext, intake: IntakeCase, number: number): Promise<CaseRecord> {
  const rules = await getCaseIntakeRules();
  const facts: IntakeFacts = { ...intake, category: intake.category ?? null };
  const teamId = routeCaseTeam(rules, facts);
  if (!teamId) throw new NoCaseTeam(intake.touchpoint, intake.channel);
  const assigneeId = await assigneeAmong(teamId, intake.assigneeEmails);
  try {
    return await createCase(
      ctx,
      {
        number,
        source: intake.source,
        origin: intake.origin,
        summary: intake.summary,
        ...(intake.description ? { description: intake.description } : {}),
        ...(intake.contactId ? { contactId: intake.contactId } : {}),
        touchpoint: intake.touchpoint,
        channel: intake.channel,
        segment: intake.segment,
        ...(intake.category ? { category: intake.category } : {}),
        priority: intake.priority ?? caseIntakePriority(rules, facts),
        teamId,
        ...(assigneeId ? { assigneeId } : {}),
      },
      null,
    );
  } catch (error) {
    // Another worker opened the claimed number first: theirs is the case.
    const existing = isDuplicateKey(error) ? await CaseModel.findOne({ number }).lean<CaseRecord>() : null;
    if (existing) return existing;
    throw error;
  }
}

/**
 * Opens the one case of `intake.originKey`, routed and prioritised by the rules, or finds it when it
 * was opened before (a resubmission, a retried job, a second worker). The key claims a case number
 * before the case is written, so a run that died in between is finished by the next one under the
 * same number. Consumers are told of the opening again when it is found (they are idempotent per entry).
 */
export async function openCaseOnce(ctx: AppContext, intake: IntakeCase): Promise<{ case: CaseRecord; opened: boolean }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const claim = await CaseOriginModel.findOne({ key: intake.originKey }, { number: 1 }).lean();
    if (claim) {
      const existing = await CaseModel.findOne({ number: claim.number }).lean<CaseRecord>();
      if (existing) {
        await afterCaseChanged(ctx, existing, 0);
        return { case: existing, opened: false };
      }
      return { case: await openClaimed(ctx, intake, claim.number), opened: true };
    }
    const number = await nextCaseNumber();
    try {
      await CaseOriginModel.create({ key: intake.originKey, number });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    return { case: await openClaimed(ctx, intake, number), opened: true };
  }
  throw new Error(`the case origin ${intake.originKey} was claimed but could not be read`);
}

/** The case an origin opened, if any (what the old follow-up routes point to). */
export async function caseOfOrigin(originKey: string): Promise<CaseRecord | null> {
  const claim = await CaseOriginModel.findOne({ key: originKey }, { number: 1 }).lean();
  return claim ? CaseModel.findOne({ number: claim.number }).lean<CaseRecord>() : null;
}
