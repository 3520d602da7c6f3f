import { UnrecoverableError } from 'bullmq';
import { checkMetric } from '@shared/actions/action-check';
import { dueActionReminders } from '@shared/actions/action-reminders';
import { actionWindows } from '@shared/actions/action-windows';
import type { ActionCheck } from '@shared/actions/action.schema';
import { dayOf } from '@shared/http/date-range.schema';
import type { SendKind } from '@shared/mail/send-log.schema';
import type { TemplateVars } from '@shared/mail/template.schema';
import type { AppContext } from '../app-context';
import { SendInProgress, sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { indexWeights } from '../scores/index-weights';
import { touchpointWindowStats } from '../scores/metrics.service';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { reminderEmailVars, verdictEmailVars } from './action-email';
import { ActionModel, type ActionRecord } from './action.model';
import { recordActionCheck } from './action.service';

/** The check of an action whose windows are known: each target metric's baseline window against its check window. */
export async function computeActionCheck(doc: ActionRecord, now: Date): Promise<ActionCheck> {
  const windows = actionWindows(doc.startedOn!, doc.completedOn!, doc.windows.baselineDays, doc.windows.checkDays);
  const only = { channel: doc.channel, segment: doc.segment };
  const [weights, baseline, check] = await Promise.all([
    indexWeights(),
    touchpointWindowStats(doc.touchpoint, windows.baseline.from, windows.baseline.to, only),
    touchpointWindowStats(doc.touchpoint, windows.check.from, windows.check.to, only),
  ]);
  return { ranAt: now.toISOString(), baseline: windows.baseline, check: windows.check, metrics: doc.metrics.map((metric) => checkMetric(baseline, check, metric, weights)) };
}

/** Sends one email per address once (send-log key per step and address); another live attempt of the same key is left to finish. */
class Mailings {
  private transient: unknown;
  sent = 0;

  constructor(private readonly ctx: AppContext) {}

  /** False when some email met a transient failure (it is retried by the next run). */
  async send(keyPrefix: string, kind: SendKind, recipients: readonly string[], vars: TemplateVars): Promise<boolean> {
    const locale = this.ctx.config.STAFF_MAIL_LOCALE;
    let settled = true;
    for (const to of new Set(recipients.map((r) => r.trim().toLowerCase()).filter(Boolean))) {
      try {
        const result = await sendOnce(this.ctx.mailer, { key: `${keyPrefix}/${to}`, kind, to }, () => renderEmail(kind, locale, vars), { leaseMs: this.ctx.config.SEND_LEASE_MS });
        if (result.status === 'sent') this.sent += 1;
      } catch (error) {
        // One address refused for good holds up no other; a transient error makes the sweep retry.
        if (error instanceof SendInProgress) settled = false;
        else if (!(error instanceof UnrecoverableError)) {
          this.transient ??= error;
          settled = false;
        }
      }
    }
    return settled;
  }

  /** Rethrows the first transient failure, after every other email had its chance. */
  settle(): void {
    if (this.transient) throw this.transient;
  }
}

async function touchpointOf(key: string): Promise<{ name: string; owners: string[] }> {
  const doc = await TouchpointModel.findOne({ key }, { name: 1, owners: 1 }).lean();
  return { name: doc?.name ?? key, owners: doc?.owners ?? [] };
}

export interface SweepReport {
  checked: number;
  emails: number;
}

/**
 * One pass over the actions at `now`: runs the check of each whose check window has closed (stored
 * once), emails its verdict to the action owner and the touchpoint's owners, and sends each due
 * reminder. Safe to run twice and on two workers at once: the check is stored only where none is, and
 * every email goes out once through the send log.
 */
export async function sweepActions(ctx: AppContext, now = new Date()): Promise<SweepReport> {
  const mail = new Mailings(ctx);
  const publicUrl = ctx.publicUrl;
  const locale = ctx.config.STAFF_MAIL_LOCALE;
  let checked = 0;

  const due = await ActionModel.find({ phase: { $in: ['check', 'act'] }, check: null, checkDueOn: { $ne: null, $lte: dayOf(now) } }).lean<ActionRecord[]>();
  for (const doc of due) if (await recordActionCheck(ctx, doc, await computeActionCheck(doc, now), now)) checked += 1;

  const unannounced = await ActionModel.find({ check: { $ne: null }, verdictSent: { $ne: true } }, { history: 0 }).lean<ActionRecord[]>();
  for (const doc of unannounced) {
    const touchpoint = await touchpointOf(doc.touchpoint);
    const vars = verdictEmailVars({ id: doc._id.toString(), title: doc.title }, touchpoint.name, doc.check!, locale, publicUrl);
    if (await mail.send(`action-verdict/${doc._id.toString()}`, 'action-verdict', [doc.plan.owner, ...touchpoint.owners], vars)) {
      await ActionModel.updateOne({ _id: doc._id }, { $set: { verdictSent: true } });
    }
  }

  const open = await ActionModel.find({ phase: { $in: ['plan', 'do'] } }, { history: 0 }).lean<ActionRecord[]>();
  for (const doc of open) {
    const id = doc._id.toString();
    const tasks = doc.tasks.map((t) => ({ ...t, id: t._id.toString() }));
    const steps = dueActionReminders({ id, phase: doc.phase, plan: doc.plan, tasks }, now);
    if (steps.length === 0) continue;
    const touchpoint = await touchpointOf(doc.touchpoint);
    for (const step of steps) await mail.send(step.key, 'action-reminder', step.to, reminderEmailVars({ id, title: doc.title }, touchpoint.name, step, locale, publicUrl));
  }
  mail.settle();
  return { checked, emails: mail.sent };
}
