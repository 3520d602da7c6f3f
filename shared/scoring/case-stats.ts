/**
 * Sufficient statistics of the cases in one case-rollup bucket, and the case scores read from them.
 * Like response rollups (rollup-stats), every leaf is an integer counter, so a case folds in as `$inc`
 * of dotted paths, a refolded case is subtracted and added again, and a rebuild gives identical documents.
 */
import { z } from 'zod';
import type { CaseFacts } from '../cases/case-facts';
import { SLA_STAGES } from '../cases/sla-policy.schema';
import { keyedObject } from './keyed-object';
import { addTrees, countersTree, type Tree } from './rollup-stats';
import { mergeSketches, sketchQuantile, sketchBucketOf } from './quantile-sketch';
import { sampleFlag, sampleFlagSchema } from './sample';

const counter = z.number().finite().default(0);
const durationStatsSchema = z
  .object({ n: counter, sumMs: counter, sketch: z.record(z.string(), z.number().finite()).default({}) })
  .prefault({})
  .transform((d) => ({ ...d, sketch: mergeSketches({}, d.sketch) })); // drops buckets emptied by subtraction
const slaCountsSchema = z.object({ met: counter, breached: counter }).prefault({});

export const caseStatsSchema = z.object({
  cases: counter,
  frt: durationStatsSchema,
  tat: durationStatsSchema,
  sla: keyedObject(SLA_STAGES, slaCountsSchema).prefault({}),
  /** Cases whose FCR is decided, and those resolved at first contact. */
  fcr: z.object({ n: counter, yes: counter }).prefault({}),
  resolved: counter,
  reopened: counter,
  escalated: counter,
  repeats: counter,
  /** Handling CSAT ratings (1–5): n, Σ, Σ². */
  csat: z.object({ n: counter, sum: counter, sumSq: counter }).prefault({}),
});
export type CaseStats = z.output<typeof caseStatsSchema>;

export function emptyCaseStats(): CaseStats {
  return caseStatsSchema.parse({});
}

/** Applies `$inc`-style increments to case statistics, as MongoDB would: the pure twin of the fold's update. */
export function applyCaseIncrements(stats: CaseStats, increments: Record<string, number>): CaseStats {
  return caseStatsSchema.parse(addTrees(stats as unknown as Tree, countersTree(increments)));
}

/** Sum of two case statistics: the statistics of both sets of cases. */
export function mergeCaseStats(a: CaseStats, b: CaseStats): CaseStats {
  return caseStatsSchema.parse(addTrees(a as unknown as Tree, b as unknown as Tree));
}

/** `$inc` paths of one case's facts, times `sign` (−1 takes a case out). */
export function caseIncrements(facts: CaseFacts, sign: 1 | -1): Record<string, number> {
  const inc: Record<string, number> = { cases: sign };
  const add = (path: string, value: number) => {
    if (value !== 0) inc[path] = (inc[path] ?? 0) + sign * value;
  };
  for (const [name, ms] of [['frt', facts.frtMs], ['tat', facts.tatMs]] as const) {
    if (ms === null) continue;
    const whole = Math.round(ms);
    add(`${name}.n`, 1);
    add(`${name}.sumMs`, whole);
    add(`${name}.sketch.${sketchBucketOf(whole)}`, 1);
  }
  for (const [stage, outcome] of Object.entries(facts.sla)) add(`sla.${stage}.${outcome}`, 1);
  if (facts.fcr !== null) {
    add('fcr.n', 1);
    add('fcr.yes', facts.fcr ? 1 : 0);
  }
  add('resolved', facts.resolved ? 1 : 0);
  add('reopened', facts.reopened ? 1 : 0);
  add('escalated', facts.escalated ? 1 : 0);
  add('repeats', facts.repeat ? 1 : 0);
  if (facts.handlingCsat !== null) {
    add('csat.n', 1);
    add('csat.sum', facts.handlingCsat);
    add('csat.sumSq', facts.handlingCsat * facts.handlingCsat);
  }
  return inc;
}

const durationScoreSchema = z.object({
  n: z.number().int().min(0),
  /** Seconds. */
  mean: z.number(),
  /** Seconds, within 1% (quantile sketch). */
  p50: z.number(),
  p90: z.number(),
});
const rateSchema = z.object({ n: z.number().int().min(0), pct: z.number() });

/** Case scores of a set of case rollups; times in seconds, rates in percent, each with the count it is of. */
export const caseScoresSchema = z.object({
  n: z.number().int().min(0),
  sample: sampleFlagSchema,
  frt: durationScoreSchema.nullable(),
  tat: durationScoreSchema.nullable(),
  /** Met share of settled stage clocks, per stage and over all stages. */
  sla: z.partialRecord(z.enum(SLA_STAGES), rateSchema.extend({ met: z.number().int(), breached: z.number().int() })),
  slaAttainment: rateSchema.nullable(),
  /** Of cases whose FCR is decided (resolved, and 7 days passed or reopened). */
  fcr: rateSchema.nullable(),
  /** Of resolved cases. */
  reopenRate: rateSchema.nullable(),
  /** Of all cases. */
  escalationRate: rateSchema.nullable(),
  repeatRate: rateSchema.nullable(),
  /** Mean handling CSAT, 1–5. */
  resolutionCsat: z.object({ n: z.number().int().min(0), mean: z.number() }).nullable(),
});
export type CaseScores = z.infer<typeof caseScoresSchema>;

const rate = (part: number, n: number) => (n > 0 ? { n, pct: (100 * part) / n } : null);

function durationScore(stats: CaseStats['frt']): CaseScores['frt'] {
  if (stats.n <= 0) return null;
  const seconds = (ms: number | null) => (ms ?? 0) / 1000;
  return { n: stats.n, mean: stats.sumMs / stats.n / 1000, p50: seconds(sketchQuantile(stats.sketch, 0.5)), p90: seconds(sketchQuantile(stats.sketch, 0.9)) };
}

/** The case scores of (merged) case statistics; null when no case counts in them. */
export function caseScoresFromStats(stats: CaseStats): CaseScores | null {
  if (stats.cases <= 0) return null;
  const sla: CaseScores['sla'] = {};
  let met = 0;
  let breached = 0;
  for (const stage of SLA_STAGES) {
    const counts = stats.sla[stage];
    met += counts.met;
    breached += counts.breached;
    const stageRate = rate(counts.met, counts.met + counts.breached);
    if (stageRate) sla[stage] = { ...stageRate, met: counts.met, breached: counts.breached };
  }
  return {
    n: stats.cases,
    sample: sampleFlag(stats.cases),
    frt: durationScore(stats.frt),
    tat: durationScore(stats.tat),
    sla,
    slaAttainment: rate(met, met + breached),
    fcr: rate(stats.fcr.yes, stats.fcr.n),
    reopenRate: rate(stats.reopened, stats.resolved),
    escalationRate: rate(stats.escalated, stats.cases),
    repeatRate: rate(stats.repeats, stats.cases),
    resolutionCsat: stats.csat.n > 0 ? { n: stats.csat.n, mean: stats.csat.sum / stats.csat.n } : null,
  };
}
