import { Types } from 'mongoose';
import type { Role } from '@shared/auth/auth.schema';
import { formatCaseRef, parseCaseRef, type CaseContact, type TimelineEntry, type CaseAssign, type CaseSource, type CaseCreate, type CaseList, type CaseListQuery, type CaseRecordView } from '@shared/cases/case-api.schema';
import { planCaseClocks, type CaseClocks } from '@shared/cases/case-clocks';
import { allowedMoves, transition, type CaseMove, type CaseState, type PausableStatus } from '@shared/cases/case-states';
import type { CasePriority } from '@shared/cases/sla-policy.schema';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { Conflict, Forbidden, Invalid, NotFound } from '../lib/errors';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { teamIdsOf, teamRules, teamRulesOfMember, type TeamRules } from './case-admin.service';
import { checkCaseCategory } from './case-category.service';
import { afterCaseChanged } from './case-events';
import { CaseModel, nextCaseNumber, type CaseRecord } from './case.model';
import { enqueueNextTimer, plannedTimers } from './sla-timer.job';

/** Who acts on a case: agents work the cases of their teams only; admins work every case. */
export interface Actor {
  id: string;
  role: Role;
}

/**
 * The system acting on its own (`system`: a resolved case closing after CASE_AUTO_CLOSE_DAYS) or on the
 * customer's behalf (`customer`: a reply through the signed link resumes a waiting case, a "no, not
 * resolved" reopens it). Either works any case; its timeline entry is by null, and says `onBehalfOf:
 * 'customer'` for the latter.
 */
export type CustomerActor = 'customer' | 'system';

/** The teams an actor may see cases of; null means all. */
async function visibleTeams(actor: Actor | CustomerActor): Promise<Types.ObjectId[] | null> {
  return typeof actor === 'string' || actor.role === 'admin' ? null : teamIdsOf(actor.id);
}

export function stateOf(doc: Pick<CaseRecord, 'status' | 'resumeTo'>): CaseState {
  return doc.status === 'waiting-on-customer' ? { status: 'waiting-on-customer', resumeTo: doc.resumeTo as PausableStatus } : ({ status: doc.status } as CaseState);
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A stored case as the API replies with it, breaches read at `now`. */
export function toCaseView(doc: CaseRecord, now = new Date()): CaseRecordView {
  return {
    ref: formatCaseRef(doc.number),
    source: doc.source,
    summary: doc.summary,
    description: doc.description ?? null,
    status: doc.status,
    resumeTo: doc.resumeTo ?? null,
    allowedMoves: allowedMoves(stateOf(doc)),
    contactId: doc.contactId ? doc.contactId.toString() : null,
    touchpoint: doc.touchpoint,
    channel: doc.channel,
    segment: doc.segment,
    category: doc.category ?? null,
    priority: doc.priority,
    teamId: doc.teamId.toString(),
    assigneeId: doc.assigneeId ? doc.assigneeId.toString() : null,
    clockVersion: doc.clockVersion,
    paused: doc.status === 'waiting-on-customer',
    clocks: doc.clocks.map((c) => ({
      stage: c.stage,
      targetSeconds: c.targetSeconds,
      dueAt: iso(c.dueAt),
      warnAt: iso(c.warnAt),
      breached: doc.breachedStages.includes(c.stage) || (c.dueAt != null && c.dueAt <= now),
    })),
    timeline: (doc.timeline ?? []).map((e) => ({ at: e.at.toISOString(), by: e.by ? e.by.toString() : null, kind: e.kind, data: (e.data ?? {}) as Record<string, unknown> })),
    openedAt: doc.createdAt.toISOString(),
  };
}

/** The stored form of planned clocks, with their timers and the first of them to queue. */
const clockFields = (plan: CaseClocks, cycle: number, fired: readonly string[]) => ({
  clocks: plan.clocks,
  dueAt: plan.dueAt,
  warnAt: plan.warnAt,
  ...plannedTimers(plan.timers, cycle, fired),
});

const entry = (by: string | null, kind: string, data: Record<string, unknown>, at = new Date()) => ({ at, by: by ? new Types.ObjectId(by) : null, kind, data });

async function rulesOf(teamId: string | Types.ObjectId): Promise<TeamRules> {
  const rules = await teamRules(teamId);
  if (!rules) throw new Invalid('There is no such team.', [{ name: 'body.teamId', reason: 'must be an existing team' }]);
  return rules;
}

/** Agents act inside their teams; an assignee must belong to the case's team. */
async function checkPlacement(actor: Actor, rules: TeamRules, assigneeId: string | null | undefined): Promise<void> {
  if (actor.role !== 'admin' && !rules.team.members.includes(actor.id)) throw new Forbidden('Agents work the cases of their own teams only.');
  if (assigneeId && !rules.team.members.includes(assigneeId)) {
    throw new Invalid('The assignee is not a member of the team.', [{ name: 'body.assigneeId', reason: 'must be a member of the case team' }]);
  }
}

/** After a stored change: its next clock timer and its consumers, which do not depend on each other. */
async function settled(ctx: AppContext, doc: CaseRecord): Promise<void> {
  await Promise.all([enqueueNextTimer(ctx, doc), afterCaseChanged(ctx, doc)]);
}

/** A case the actor may see, else 404 (another team's case is not even confirmed to exist). */
export async function findVisibleCase(actor: Actor | CustomerActor, ref: string): Promise<CaseRecord> {
  // Both at once: one round trip to the store instead of two on every case request.
  const [doc, teams] = (await Promise.all([CaseModel.findOne({ number: parseCaseRef(ref) }).lean(), visibleTeams(actor)])) as [CaseRecord | null, Types.ObjectId[] | null];
  if (!doc || (teams !== null && !teams.some((t) => t.equals(doc.teamId)))) throw new NotFound(`There is no case ${ref}.`);
  return doc;
}

/**
 * A case the actor may see, with the rules (calendar, policy) of its team. An agent's own teams come
 * with their rules in the same round trip as the case, so a state change reads the store once before
 * it writes; for admins, the system and the customer the case's team is read after the case.
 */
async function findCaseWithRules(actor: Actor | CustomerActor, ref: string): Promise<{ doc: CaseRecord; rules: TeamRules }> {
  if (typeof actor === 'string' || actor.role === 'admin') {
    const doc = await findVisibleCase(actor, ref);
    return { doc, rules: await rulesOf(doc.teamId) };
  }
  const [doc, teams] = (await Promise.all([CaseModel.findOne({ number: parseCaseRef(ref) }).lean(), teamRulesOfMember(actor.id)])) as [CaseRecord | null, TeamRules[]];
  const rules = doc ? teams.find((t) => doc.teamId.equals(t.team.id)) : undefined;
  if (!doc || !rules) throw new NotFound(`There is no case ${ref}.`);
  return { doc, rules };
}

/** The contact card of a case the actor may see (404 otherwise); null when the case has no contact. */
export async function findCaseContact(actor: Actor, ref: string): Promise<CaseContact> {
  const doc = await findVisibleCase(actor, ref);
  const contact = doc.contactId ? await ContactModel.findById(doc.contactId, { name: 1, email: 1, phone: 1 }).lean() : null;
  return { contact: contact ? { name: contact.name ?? null, email: contact.email, phone: contact.phone ?? null } : null };
}

/** A case to open, from any source; `by` is the staff user who opened it, null for the system. */
export interface NewCase extends CaseCreate {
  source: CaseSource;
  origin?: Record<string, unknown>;
  /** A number reserved beforehand (an origin claim, see case-intake.service.ts); else the next one. */
  number?: number;
}

/**
 * Opens a case from any source and starts its clocks on its team's calendar and policy. Checks that the
 * team, touchpoint, contact and assignee exist (400 naming the field otherwise).
 */
export async function createCase(ctx: AppContext, body: NewCase, by: string | null): Promise<CaseRecord> {
  const rules = await rulesOf(body.teamId);
  if (body.assigneeId && !rules.team.members.includes(body.assigneeId)) {
    throw new Invalid('The assignee is not a member of the team.', [{ name: 'body.assigneeId', reason: 'must be a member of the case team' }]);
  }
  const [touchpoint, contact] = await Promise.all([TouchpointModel.exists({ key: body.touchpoint }), body.contactId ? ContactModel.exists({ _id: body.contactId }) : true]);
  const unknown = [
    ...(touchpoint ? [] : [{ name: 'body.touchpoint', reason: 'must be an existing touchpoint' }]),
    ...(contact ? [] : [{ name: 'body.contactId', reason: 'must be an existing contact' }]),
  ];
  if (unknown.length > 0) throw new Invalid('The case names a touchpoint or contact that does not exist.', unknown);
  await checkCaseCategory(body.category);
  const now = new Date();
  const number = body.number ?? (await nextCaseNumber());
  const plan = planCaseClocks({ state: { status: 'new' }, priority: body.priority, segment: body.segment, cycleStartedAt: now, pauses: [], version: 0, policy: rules.policy, calendar: rules.calendar }, now);
  const doc = await CaseModel.create({
    number,
    summary: body.summary,
    description: body.description ?? null,
    source: body.source,
    origin: body.origin ?? {},
    contactId: body.contactId ?? null,
    touchpoint: body.touchpoint,
    channel: body.channel,
    segment: body.segment,
    category: body.category ?? null,
    priority: body.priority,
    teamId: body.teamId,
    assigneeId: body.assigneeId ?? null,
    status: 'new',
    cycleStartedAt: now,
    clockVersion: 0,
    ...clockFields(plan, 0, []),
    timeline: [entry(by, 'opened', { source: body.source, priority: body.priority }, now)],
  });
  const stored = doc.toObject() as CaseRecord;
  await settled(ctx, stored);
  return stored;
}

/** Opens a complaint an agent logged (phone, counter): agents only inside their own teams. */
export async function openCase(ctx: AppContext, body: CaseCreate, actor: Actor): Promise<CaseRecordView> {
  const rules = await rulesOf(body.teamId);
  await checkPlacement(actor, rules, body.assigneeId);
  return toCaseView(await createCase(ctx, { ...body, source: 'agent' }, actor.id));
}

/** The pause list and cycle after `move`, at `now`. */
function clockChange(doc: CaseRecord, move: CaseMove, now: Date) {
  const pauses = doc.pauses.map((p) => ({ from: p.from, to: p.to ?? null }));
  if (move === 'reopen') return { pauses: [], cycle: doc.cycle + 1, cycleStartedAt: now, breachedStages: [] as string[] };
  if (move === 'wait-on-customer') pauses.push({ from: now, to: null });
  else for (const p of pauses) if (p.to === null) p.to = now;
  return { pauses, cycle: doc.cycle, cycleStartedAt: doc.cycleStartedAt, breachedStages: doc.breachedStages };
}

/**
 * Makes `move` on a case: 409 with the allowed moves when its state does not allow it, 409 when the
 * case changed under us. The clock version is bumped and new timers are planned; the old ones find a
 * different version when they fire and do nothing.
 */
export async function transitionCase(ctx: AppContext, ref: string, move: CaseMove, actor: Actor | CustomerActor, note?: string, now = new Date()): Promise<CaseRecordView> {
  const { doc, rules } = await findCaseWithRules(actor, ref);
  const result = transition(stateOf(doc), move);
  if (!result.ok) {
    throw new Conflict(`A case that is ${doc.status} cannot ${move}; allowed: ${result.error.allowedMoves.join(', ') || 'none'}.`, 'move-not-allowed', {
      allowed_moves: result.error.allowedMoves,
    });
  }
  const change = clockChange(doc, move, now);
  const version = doc.clockVersion + 1;
  const plan = planCaseClocks(
    { state: result.state, priority: doc.priority as CasePriority, segment: doc.segment, cycleStartedAt: change.cycleStartedAt, pauses: change.pauses, version, policy: rules.policy, calendar: rules.calendar },
    now,
  );
  const resumeTo = result.state.status === 'waiting-on-customer' ? result.state.resumeTo : null;
  const by = typeof actor === 'string' ? null : actor.id;
  const moved = entry(by, 'moved', { move, from: doc.status, to: result.state.status, ...(note ? { note } : {}), ...(actor === 'customer' ? { onBehalfOf: 'customer' } : {}) }, now);
  const updated = await CaseModel.findOneAndUpdate(
    { number: doc.number, clockVersion: doc.clockVersion, status: doc.status },
    { $set: { status: result.state.status, resumeTo, clockVersion: version, ...change, ...clockFields(plan, change.cycle, doc.firedTimers) }, $push: { timeline: moved } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw new Conflict(`Case ${ref} changed while this move was made; reload it and try again.`, 'case-changed');
  await settled(ctx, updated as CaseRecord);
  return toCaseView(updated as CaseRecord, now);
}

/**
 * Makes `move` on each case in turn on behalf of the system or the customer (the upkeep sweeps); a case
 * moved meanwhile by someone else (409) is skipped. Returns the refs of the cases moved.
 */
export async function moveEachCase(ctx: AppContext, numbers: readonly number[], move: CaseMove, actor: CustomerActor, now = new Date()): Promise<string[]> {
  const moved: string[] = [];
  for (const number of numbers) {
    const ref = formatCaseRef(number);
    try {
      await transitionCase(ctx, ref, move, actor, undefined, now);
      moved.push(ref);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return moved;
}

/** Sets a case's assignee (and team: then its clocks run on the new team's calendar and policy). */
export async function assignCase(ctx: AppContext, ref: string, body: CaseAssign, actor: Actor): Promise<CaseRecordView> {
  const doc = await findVisibleCase(actor, ref);
  const teamId = body.teamId ?? doc.teamId.toString();
  const rules = await rulesOf(teamId);
  await checkPlacement(actor, rules, body.assigneeId);
  const now = new Date();
  const assigned = entry(actor.id, 'assigned', { assigneeId: body.assigneeId, teamId, fromTeamId: doc.teamId.toString() }, now);
  if (doc.teamId.equals(teamId)) {
    const updated = await CaseModel.findOneAndUpdate({ number: doc.number }, { $set: { assigneeId: body.assigneeId }, $push: { timeline: assigned } }, { returnDocument: 'after' }).lean();
    await afterCaseChanged(ctx, updated as CaseRecord);
    return toCaseView(updated as CaseRecord, now);
  }
  const version = doc.clockVersion + 1;
  const plan = planCaseClocks(
    { state: stateOf(doc), priority: doc.priority as CasePriority, segment: doc.segment, cycleStartedAt: doc.cycleStartedAt, pauses: doc.pauses, version, policy: rules.policy, calendar: rules.calendar },
    now,
  );
  const updated = await CaseModel.findOneAndUpdate(
    { number: doc.number, clockVersion: doc.clockVersion },
    { $set: { assigneeId: body.assigneeId, teamId, clockVersion: version, ...clockFields(plan, doc.cycle, doc.firedTimers) }, $push: { timeline: assigned } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw new Conflict(`Case ${ref} changed while it was being assigned; reload it and try again.`, 'case-changed');
  await settled(ctx, updated as CaseRecord);
  return toCaseView(updated as CaseRecord, now);
}

/**
 * Files a case under a root cause of the taxonomy (null: not known yet). 400 naming `body.category` for
 * an unknown or archived category; setting the category it already has changes nothing. The metrics
 * consumer refolds the case, which moves its counts to the new category.
 */
export async function setCaseCategory(ctx: AppContext, ref: string, category: string | null, actor: Actor): Promise<CaseRecordView> {
  const doc = await findVisibleCase(actor, ref);
  const from = doc.category ?? null;
  if (from === category) return toCaseView(doc);
  await checkCaseCategory(category);
  const categorised = entry(actor.id, 'categorised', { from, to: category });
  // Only if nobody changed it meanwhile, so `from` on the timeline is what was replaced.
  const updated = (await CaseModel.findOneAndUpdate({ number: doc.number, category: from }, { $set: { category }, $push: { timeline: categorised } }, { returnDocument: 'after' }).lean()) as CaseRecord | null;
  if (!updated) throw new Conflict(`Case ${ref} changed while its category was being set; reload it and try again.`, 'case-changed');
  await afterCaseChanged(ctx, updated);
  return toCaseView(updated);
}

/** Assigns several cases; each succeeds or fails on its own (a case another agent just moved is reported). */
export async function bulkAssignCases(ctx: AppContext, refs: string[], body: CaseAssign, actor: Actor) {
  const assigned: string[] = [];
  const failed: Array<{ ref: string; status: number; detail: string }> = [];
  for (const ref of refs) {
    try {
      await assignCase(ctx, ref, body, actor);
      assigned.push(ref);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (typeof status !== 'number' || status >= 500) throw error;
      failed.push({ ref, status, detail: (error as Error).message });
    }
  }
  return { assigned, failed };
}

/**
 * Appends one entry that changes nothing else (a note, a message to or from the customer) and tells the
 * consumers about it; null when there is no such case.
 */
export async function appendCaseEntry(ctx: AppContext, number: number, by: string | null, kind: TimelineEntry['kind'], data: Record<string, unknown>): Promise<CaseRecord | null> {
  const updated = (await CaseModel.findOneAndUpdate({ number }, { $push: { timeline: entry(by, kind, data) } }, { returnDocument: 'after' }).lean()) as CaseRecord | null;
  if (updated) await afterCaseChanged(ctx, updated);
  return updated;
}

/** An internal note on the timeline. */
export async function addCaseNote(ctx: AppContext, ref: string, text: string, actor: Actor): Promise<CaseRecordView> {
  const doc = await findVisibleCase(actor, ref);
  const updated = await appendCaseEntry(ctx, doc.number, actor.id, 'note', { text });
  if (!updated) throw new NotFound(`There is no case ${ref}.`);
  return toCaseView(updated);
}

/**
 * What an inbox row does not show: the timeline, and the timer bookkeeping (planned and fired timers,
 * pauses, origin), which is most of a case's bytes besides the timeline.
 */
const INBOX_LEAVES_OUT = { timeline: 0, timers: 0, firedTimers: 0, pauses: 0, origin: 0, nextTimerAt: 0 } as const;

/** The inbox: newest first, the actor's teams only for agents, paged by case number. */
export async function listCases(query: CaseListQuery, actor: Actor, now = new Date()): Promise<CaseList> {
  const filter: Record<string, unknown> = {};
  const teams = await visibleTeams(actor);
  if (query.teamId) {
    if (teams !== null && !teams.some((t) => t.equals(query.teamId))) throw new Forbidden('Agents see the cases of their own teams only.');
    filter.teamId = new Types.ObjectId(query.teamId);
  } else if (teams !== null || query.view === 'team') {
    filter.teamId = { $in: teams ?? (await teamIdsOf(actor.id)) };
  }
  if (query.view === 'mine') filter.assigneeId = new Types.ObjectId(actor.id);
  if (query.view === 'due-soon') Object.assign(filter, { warnAt: { $lte: now }, dueAt: { $gt: now } });
  if (query.view === 'breached') filter.$or = [{ dueAt: { $lte: now } }, { breachedStages: { $ne: [] }, status: { $nin: ['resolved', 'closed'] } }];
  if (query.status) filter.status = query.status;
  if (query.touchpoint) filter.touchpoint = query.touchpoint;
  if (query.priority) filter.priority = query.priority;
  if (query.category) filter.category = query.category;
  if (query.cursor) filter.number = { $lt: parseCaseRef(query.cursor) };
  const docs = (await CaseModel.find(filter, INBOX_LEAVES_OUT).sort({ number: -1 }).limit(query.limit + 1).lean()) as unknown as CaseRecord[];
  const page = docs.slice(0, query.limit);
  const views = page.map((d) => {
    const { timeline: _timeline, ...rest } = toCaseView(d, now);
    return rest;
  });
  return { cases: views, nextCursor: docs.length > query.limit ? formatCaseRef(page[page.length - 1]!.number) : null };
}
