import type { AppContext } from '../app-context';
import { NoCaseTeam, openCaseOnce } from '../cases/case-intake.service';
import type { CaseRecord } from '../cases/case.model';
import { ownerAddresses } from '../follow-up/alert-attempts';
import { Invalid } from '../lib/errors';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { findAlert } from './alerts.service';

/** A target is checked over every channel pooled, so its case names no one channel. */
export const BREACH_CHANNEL = 'all-channels';
/** Not a customer's segment: the case is the touchpoint's own, for its owner. */
export const BREACH_SEGMENT = 'internal';

/**
 * Opens the internal case of a target breach (source `target-breach`, origin { alertId, ... }) once per
 * alert, routed by the intake rules and assigned to a touchpoint owner who works in that team. Null for
 * a recovery, or when no case can be opened (no team takes it, the touchpoint is gone): logged, and the
 * owners' alert emails go out regardless.
 */
export async function openBreachCase(ctx: AppContext, alertId: string): Promise<CaseRecord | null> {
  const alert = await findAlert(alertId);
  if (!alert || alert.kind !== 'breach') return null;
  const touchpoint = await TouchpointModel.findOne({ key: alert.touchpoint }, { name: 1, owners: 1 }).lean();
  const metric = alert.metric.toUpperCase();
  try {
    const { case: opened } = await openCaseOnce(ctx, {
      source: 'target-breach',
      originKey: `target-breach/${alert.id}`,
      origin: { alertId: alert.id, metric: alert.metric, window: alert.window, value: alert.value, target: alert.target, n: alert.n },
      summary: `${touchpoint?.name ?? alert.touchpoint}: ${metric} ${alert.value} below its target ${alert.target} (last ${alert.window} days)`.slice(0, 300),
      description: `${metric} over the last ${alert.window} days is ${alert.value} on ${alert.n} responses; the target is ${alert.target}. Alert ${alert.id} at ${alert.at}.`,
      touchpoint: alert.touchpoint,
      channel: BREACH_CHANNEL,
      segment: BREACH_SEGMENT,
      scores: {},
      assigneeEmails: ownerAddresses(touchpoint?.owners),
    });
    return opened;
  } catch (error) {
    if (!(error instanceof NoCaseTeam) && !(error instanceof Invalid)) throw error;
    ctx.logger.warn({ err: error, alertId }, 'no case was opened for a target breach');
    return null;
  }
}
