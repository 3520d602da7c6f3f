import { Types } from 'mongoose';
import { transitionAction, allowedActionMoves, type ActionMove, type ActionPhase } from '@shared/actions/action-phases';
import { actionWindows } from '@shared/actions/action-windows';
import type { Action, ActionCheck, ActionInput, ActionListQuery, ActionTaskInput, ActionTaskUpdate, ActionUpdate } from '@shared/actions/action.schema';
import { addDays, dayOf } from '@shared/http/date-range.schema';
import type { TargetMetric } from '@shared/scoring/target.schema';
import type { TrendResponse } from '@shared/scoring/metrics.schema';
import type { WebhookEventType } from '@shared/webhooks/webhook.schema';
import type { AppContext } from '../app-context';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { touchpointTrend } from '../scores/metrics.service';
import { createStandardVersion } from '../standards/standard.service';
import { touchpointExists } from '../touchpoints/touchpoint.service';
import { emitWebhookEvent } from '../webhooks/webhook-events';
import { checkCaseCategory } from '../cases/case-category.service';
import { ActionModel, type ActionRecord } from './action.model';

type HistoryKind = Action['history'][number]['kind'];
const entry = (by: string | null, kind: HistoryKind, data: Record<string, unknown>, at: Date) => ({ at, by, kind, data });
const iso = (date: Date) => date.toISOString();

/** The action as the API replies, with the moves its phase allows and its check windows once dated. */
export function toActionView(doc: ActionRecord): Action {
  const { startedOn, completedOn, windows } = doc;
  const decision = doc.decision;
  return {
    id: doc._id.toString(),
    title: doc.title,
    touchpoint: doc.touchpoint,
    channel: doc.channel ?? null,
    segment: doc.segment ?? null,
    metrics: doc.metrics,
    phase: doc.phase,
    allowedMoves: allowedActionMoves(doc.phase),
    plan: doc.plan,
    windows: { baselineDays: windows.baselineDays, checkDays: windows.checkDays },
    checkWindows: startedOn && completedOn ? actionWindows(startedOn, completedOn, windows.baselineDays, windows.checkDays) : null,
    startedOn: startedOn ?? null,
    completedOn: completedOn ?? null,
    tasks: doc.tasks.map((task) => ({ id: task._id.toString(), title: task.title, owner: task.owner, dueOn: task.dueOn, status: task.status, notes: task.notes ?? '' })),
    check: doc.check ?? null,
    decision: decision ? { ...decision, at: iso(new Date(decision.at)) } : null,
    previousActionId: doc.previousActionId?.toString() ?? null,
    nextActionId: doc.nextActionId?.toString() ?? null,
    history: doc.history.map((h) => ({ at: iso(h.at), by: h.by ?? null, kind: h.kind as HistoryKind, data: h.data ?? {} })),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** Tells webhook receivers; the subject carries the history index, so each change is its own event and a retry is the same one. */
async function announce(ctx: AppContext, type: WebhookEventType, doc: ActionRecord): Promise<void> {
  const view = toActionView(doc);
  const data = { actionId: view.id, touchpoint: view.touchpoint, metrics: view.metrics, phase: view.phase, ...(type === 'action.checked' ? { check: view.check } : {}) };
  await emitWebhookEvent(ctx, { type, subjectId: `${view.id}-${doc.history.length - 1}`, at: new Date(), data });
}

async function findAction(id: string): Promise<ActionRecord> {
  const doc = await ActionModel.findById(id).lean<ActionRecord>();
  if (!doc) throw new NotFound(`There is no improvement action ${id}.`);
  return doc;
}

export async function getAction(id: string): Promise<Action> {
  return toActionView(await findAction(id));
}

export async function listActions(query: ActionListQuery): Promise<Omit<Action, 'history'>[]> {
  const filter = { ...(query.touchpoint ? { touchpoint: query.touchpoint } : {}), ...(query.phase ? { phase: query.phase } : {}) };
  const docs = await ActionModel.find(filter, { history: 0 }).sort({ createdAt: -1 }).limit(500).lean<ActionRecord[]>();
  return docs.map((doc) => {
    const { history: _history, ...view } = toActionView({ ...doc, history: [] });
    return view;
  });
}

export async function createAction(ctx: AppContext, input: ActionInput, by: string, previousActionId: Types.ObjectId | null = null, now = new Date()): Promise<Action> {
  if (!(await touchpointExists(input.touchpoint))) throw new Invalid('Some fields are missing or invalid.', [{ name: 'body.touchpoint', reason: `there is no touchpoint "${input.touchpoint}"` }]);
  // The root cause is a key of the taxonomy cases use, so actions and case metrics name the same causes.
  // A next cycle carries its predecessor's, checked then: a category archived since must not block iterating.
  if (previousActionId === null) await checkCaseCategory(input.plan.rootCause, 'body.plan.rootCause');
  const { tasks, ...rest } = input;
  const created = await ActionModel.create({
    ...rest,
    phase: 'plan',
    tasks,
    previousActionId,
    history: [entry(by, 'created', previousActionId ? { previousActionId: previousActionId.toString() } : {}, now)],
  });
  const doc = created.toObject() as unknown as ActionRecord;
  await announce(ctx, 'action.created', doc);
  return toActionView(doc);
}

/** Dotted `$set` paths of a partial update, so a partial plan changes only the fields it names. */
function setPaths(update: ActionUpdate): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(update)) {
    if (field === 'plan' || field === 'windows') for (const [key, inner] of Object.entries(value as object)) set[`${field}.${key}`] = inner;
    else set[field] = value;
  }
  return set;
}

export async function updateAction(id: string, update: ActionUpdate, by: string, now = new Date()): Promise<Action> {
  const doc = await findAction(id);
  if (doc.phase === 'act') throw new Conflict('An action that has been acted on is final; iterate to change course.', 'action-final');
  if (update.windows && doc.check) throw new Conflict('The check has run; its windows can no longer change.', 'action-checked');
  // Unchanged, it may name a category archived since: only a new root cause must be usable.
  if (update.plan?.rootCause !== undefined && update.plan.rootCause !== doc.plan.rootCause) await checkCaseCategory(update.plan.rootCause, 'body.plan.rootCause');
  const set = setPaths(update);
  if (update.windows && doc.startedOn && doc.completedOn) {
    const windows = { ...doc.windows, ...update.windows };
    set.checkDueOn = actionWindows(doc.startedOn, doc.completedOn, windows.baselineDays, windows.checkDays).closesOn;
  }
  const updated = await ActionModel.findOneAndUpdate(
    { _id: doc._id, phase: doc.phase },
    { $set: set, $push: { history: entry(by, 'updated', { fields: Object.keys(set) }, now) } },
    { returnDocument: 'after' },
  ).lean<ActionRecord>();
  if (!updated) throw new Conflict('The action changed while it was being edited; reload it and try again.', 'action-changed');
  return toActionView(updated);
}

/** The fields a move sets, besides the phase. */
function moveFields(doc: ActionRecord, move: ActionMove, day: string): Record<string, unknown> {
  switch (move) {
    case 'start':
      return { startedOn: day };
    case 'complete': {
      if (day < (doc.startedOn ?? day)) throw new Invalid('Some fields are missing or invalid.', [{ name: 'body.on', reason: `must not be before the start (${doc.startedOn})` }]);
      return { completedOn: day, checkDueOn: actionWindows(doc.startedOn ?? day, day, doc.windows.baselineDays, doc.windows.checkDays).closesOn };
    }
    case 'adopt':
    case 'iterate':
      return {};
  }
}

/**
 * Moves an action to its next phase: 409 with the allowed moves when its phase does not allow `move`,
 * 409 when it changed under us. `on` backdates a start or completion (never into the future). Adopting
 * records the decision on the action (see README: the touchpoint's standard takes it over once versioned
 * standards exist); iterating opens the next cycle as a new action linked both ways.
 */
export async function transitionActionPhase(ctx: AppContext, id: string, move: ActionMove, by: string, options: { on?: string | undefined; note?: string | undefined }, now = new Date()): Promise<Action> {
  const doc = await findAction(id);
  const result = transitionAction(doc.phase as ActionPhase, move);
  if (!result.ok) {
    throw new Conflict(`An action in ${doc.phase} cannot ${move}; allowed: ${result.error.allowedMoves.join(', ') || 'none'}.`, 'move-not-allowed', {
      allowed_moves: result.error.allowedMoves,
    });
  }
  const today = dayOf(now);
  if (options.on !== undefined && (options.on > today || (move !== 'start' && move !== 'complete'))) {
    throw new Invalid('Some fields are missing or invalid.', [{ name: 'body.on', reason: move === 'start' || move === 'complete' ? 'must not be in the future' : `only a start or completion can be dated` }]);
  }
  const set: Record<string, unknown> = { phase: result.phase, ...moveFields(doc, move, options.on ?? today) };
  const note = options.note ?? '';
  if (move === 'adopt' || move === 'iterate') set.decision = { kind: move, at: now, by, note };
  if (move === 'adopt') {
    // The adoption becomes a version of the touchpoint's standard (its content carried over), naming the action.
    const reason = note || `Adopted improvement action "${doc.title}"`;
    const version = await createStandardVersion({ touchpoint: doc.touchpoint, createdBy: by, reason, source: 'action', actionId: doc._id.toString() }, now);
    set.decision = { kind: move, at: now, by, note, standardVersion: version.version };
  }
  const moved = entry(by, 'moved', { move, from: doc.phase, to: result.phase, ...(options.on ? { on: options.on } : {}), ...(note ? { note } : {}) }, now);
  const updated = await ActionModel.findOneAndUpdate({ _id: doc._id, phase: doc.phase }, { $set: set, $push: { history: moved } }, { returnDocument: 'after' }).lean<ActionRecord>();
  if (!updated) throw new Conflict('The action changed while this move was made; reload it and try again.', 'action-changed');
  await announce(ctx, 'action.moved', updated);
  if (move !== 'iterate') return toActionView(updated);
  return toActionView(await openNextCycle(ctx, updated, by, now));
}

/** The next cycle of an iterated action: same touchpoint, metrics and problem, back in plan; linked both ways. */
async function openNextCycle(ctx: AppContext, doc: ActionRecord, by: string, now: Date): Promise<ActionRecord> {
  const { title, touchpoint, channel, segment, metrics, plan, windows } = doc;
  const next = await createAction(
    ctx,
    {
      title, touchpoint, channel, segment, metrics, plan, windows: { baselineDays: windows.baselineDays, checkDays: windows.checkDays }, tasks: [],
    },
    by,
    doc._id,
    now,
  );
  const linked = await ActionModel.findOneAndUpdate(
    { _id: doc._id },
    { $set: { nextActionId: new Types.ObjectId(next.id) }, $push: { history: entry(by, 'updated', { nextActionId: next.id }, now) } },
    { returnDocument: 'after' },
  ).lean<ActionRecord>();
  return linked ?? doc;
}

export async function addActionTask(id: string, task: ActionTaskInput, by: string, now = new Date()): Promise<Action> {
  const taskId = new Types.ObjectId();
  const updated = await ActionModel.findOneAndUpdate(
    { _id: id, phase: { $in: ['plan', 'do'] } },
    { $push: { tasks: { _id: taskId, ...task }, history: entry(by, 'task-added', { taskId: taskId.toString(), title: task.title }, now) } },
    { returnDocument: 'after' },
  ).lean<ActionRecord>();
  if (!updated) {
    await findAction(id);
    throw new Conflict('Tasks are planned and done in the plan and do phases only.', 'action-tasks-closed');
  }
  return toActionView(updated);
}

export async function updateActionTask(id: string, taskId: string, update: ActionTaskUpdate, by: string, now = new Date()): Promise<Action> {
  const set = Object.fromEntries(Object.entries(update).map(([field, value]) => [`tasks.$.${field}`, value]));
  const updated = await ActionModel.findOneAndUpdate(
    { _id: id, 'tasks._id': taskId },
    { $set: set, $push: { history: entry(by, 'task-updated', { taskId, ...update }, now) } },
    { returnDocument: 'after' },
  ).lean<ActionRecord>();
  if (!updated) {
    await findAction(id);
    throw new NotFound(`The action has no task ${taskId}.`);
  }
  return toActionView(updated);
}

/** Stores the check once (a second run finds it stored and changes nothing) and announces it. */
export async function recordActionCheck(ctx: AppContext, doc: ActionRecord, check: ActionCheck, now: Date): Promise<boolean> {
  const verdicts = Object.fromEntries(check.metrics.map((m) => [m.metric, m.verdict]));
  const updated = await ActionModel.findOneAndUpdate(
    { _id: doc._id, check: null },
    { $set: { check }, $push: { history: entry(null, 'checked', { verdicts }, now) } },
    { returnDocument: 'after' },
  ).lean<ActionRecord>();
  if (!updated) return false;
  await announce(ctx, 'action.checked', updated);
  return true;
}

/**
 * The daily trend of one target metric around the action: from the baseline's first day through the
 * check window (or today, whichever is first); before the action is dated, the last 90 days.
 */
export async function actionTrend(id: string, metric: TargetMetric, now = new Date()): Promise<TrendResponse> {
  const view = toActionView(await findAction(id));
  if (!view.metrics.includes(metric)) throw new Invalid('Some fields are missing or invalid.', [{ name: 'query.metric', reason: `the action targets ${view.metrics.join(', ')}` }]);
  const today = dayOf(now);
  const from = view.checkWindows?.baseline.from ?? (view.startedOn ? addDays(view.startedOn, -view.windows.baselineDays) : addDays(today, -89));
  const to = view.checkWindows && view.checkWindows.check.to < today ? view.checkWindows.check.to : today;
  return touchpointTrend(view.touchpoint, metric, from, to, { channel: view.channel, segment: view.segment });
}
