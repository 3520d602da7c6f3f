import mongoose, { type Types } from 'mongoose';
import { ALERT_WINDOWS, type Alert, type AlertList, type AlertsQuery } from '@shared/scoring/alerts.schema';
import { DEFAULT_INDEX_WEIGHTS } from '@shared/scoring/composite-index';
import { scoresFromStats } from '@shared/scoring/metrics';
import type { TargetCheck } from '@shared/scoring/target.schema';
import { checkTargets } from '@shared/scoring/targets';
import { standardsInForce } from '../standards/standard.service';
import { AlertModel, AlertStateModel } from './alert.model';
import { indexWeights } from './index-weights';
import { touchpointWindowCaseStats } from '../case-metrics/case-metrics.service';
import { touchpointWindowStats } from './metrics.service';
import { addDays, dayOf } from './period-plan';

type AlertDoc = Omit<Alert, 'id' | 'at' | 'notifiedAt' | 'standardVersion'> & { _id: Types.ObjectId; at: Date; notifiedAt: Date | null; standardVersion?: number | null };

const toAlert = (doc: AlertDoc): Alert => ({
  id: doc._id.toString(), touchpoint: doc.touchpoint, window: doc.window, metric: doc.metric, kind: doc.kind,
  value: doc.value, target: doc.target, n: doc.n, standardVersion: doc.standardVersion ?? null, at: doc.at.toISOString(), notifiedAt: doc.notifiedAt?.toISOString() ?? null,
});

/**
 * Records a crossing if `check` moves (touchpoint, window, metric) to another state: the state flip and
 * the alert are written in one transaction, and the flip is conditional, so two checks running at once
 * record one alert. The first check of a met target records no "recovery".
 */
async function recordCrossing(touchpoint: string, window: number, check: TargetCheck, standardVersion: number, now: Date): Promise<Types.ObjectId | null> {
  const next = check.status === 'missed' ? 'breach' : 'ok';
  if (check.value === null) return null;
  return mongoose.connection.transaction(async (session) => {
    const key = { touchpoint, window, metric: check.metric };
    const known = await AlertStateModel.findOne(key, { state: 1 }, { session }).lean();
    if (known?.state === next || (!known && next === 'ok')) {
      if (!known) await AlertStateModel.create([{ ...key, state: 'ok', since: now }], { session });
      return null;
    }
    const flipped = known
      ? await AlertStateModel.updateOne({ ...key, state: known.state }, { $set: { state: next, since: now } }, { session })
      : await AlertStateModel.create([{ ...key, state: next, since: now }], { session }).then(() => ({ modifiedCount: 1 }));
    if (flipped.modifiedCount !== 1) return null;
    const alert = new AlertModel({ ...key, kind: next === 'breach' ? 'breach' : 'recovery', value: check.value, target: check.target, n: check.n, standardVersion, at: now });
    await alert.save({ session });
    return alert._id;
  });
}

/**
 * Checks every touchpoint that has targets over the rolling 7- and 30-day windows (all surveys and
 * channels pooled) and records breaches and recoveries. The targets are those of the standard version in
 * force at `now` (a window ending now is judged by today's standard), and each alert names that version.
 * Only checks with a verdict (n ≥ minN) move the state; `insufficient` and `no-data` leave it as it was.
 * Returns the new alerts' ids.
 */
export async function checkTouchpointTargets(now = new Date()): Promise<Types.ObjectId[]> {
  const [standards, weights] = await Promise.all([standardsInForce(now), indexWeights().catch(() => DEFAULT_INDEX_WEIGHTS)]);
  const today = dayOf(now);
  const created: Types.ObjectId[] = [];
  for (const [touchpoint, standard] of [...standards].sort(([a], [b]) => a.localeCompare(b))) {
    if (Object.keys(standard.target).every((key) => key === 'minN')) continue;
    for (const window of ALERT_WINDOWS) {
      const from = addDays(today, -(window - 1));
      const [stats, cases] = await Promise.all([touchpointWindowStats(touchpoint, from, today), touchpointWindowCaseStats(touchpoint, from, today)]);
      for (const check of checkTargets(standard.target, scoresFromStats(stats, weights, cases))) {
        if (check.status !== 'met' && check.status !== 'missed') continue;
        const id = await recordCrossing(touchpoint, window, check, standard.version, now);
        if (id) created.push(id);
      }
    }
  }
  return created;
}

/** Alerts whose owners have not been emailed yet (their mail job was lost or has not run). */
export async function unnotifiedAlertIds(): Promise<Types.ObjectId[]> {
  const docs = await AlertModel.find({ notifiedAt: null }, { _id: 1 }).sort({ notifiedAt: 1, at: 1 }).limit(1000).lean();
  return docs.map((doc) => doc._id);
}

export async function findAlert(id: string): Promise<Alert | null> {
  const doc = await AlertModel.findById(id).lean<AlertDoc>();
  return doc ? toAlert(doc) : null;
}

export async function markAlertNotified(id: string): Promise<void> {
  await AlertModel.updateOne({ _id: id, notifiedAt: null }, { $set: { notifiedAt: new Date() } });
}

export async function listAlerts(query: AlertsQuery): Promise<AlertList> {
  const docs = await AlertModel.find(query.touchpoint ? { touchpoint: query.touchpoint } : {})
    .sort({ at: -1 })
    .limit(query.limit)
    .lean<AlertDoc[]>();
  return { alerts: docs.map(toAlert) };
}
