import { z } from 'zod';
import { SERVQUAL_DIMENSIONS } from '../survey-definition/metric-vocabulary';
import { featureKeySchema } from './feature-key';
import { kanoCellSchema } from './kano';
import type { KanoCell } from './kano';
import { keyedObject } from './keyed-object';
import { setOwn } from './own-property';

/**
 * Rollups store every value multiplied by VALUE_SCALE and rounded, so all counters are integers:
 * MongoDB `$inc` on integers is exact, hence folding in any order, rebuilding, and subtracting give
 * identical documents. A respondent's average of several answers (e.g. 13/3) is thereby rounded to
 * 1/1000 of a scale point; single answers and halves/quarters are exact.
 */
export const VALUE_SCALE = 1000;

/** CSAT histogram buckets; a respondent's (averaged) CSAT goes to floor(value), so 4.5 counts as 4. */
export const CSAT_LEVELS = ['1', '2', '3', '4', '5'] as const;

const counter = z.number().finite().default(0);

/** n, Σx, Σx² of x·VALUE_SCALE. */
const meanShape = { n: counter, sum: counter, sumSq: counter };

/** Per respondent E, P and gap = P − E, each ·VALUE_SCALE, with sums and sums of squares. */
const servqualStatsSchema = z
  .object({ n: counter, sumE: counter, sumESq: counter, sumP: counter, sumPSq: counter, sumGap: counter, sumGapSq: counter })
  .prefault({});

/**
 * Sufficient statistics of one rollup bucket (survey, touchpoint, channel, segment, day).
 * Every leaf is a counter, so a response folds in as `$inc` of dotted paths (see statsIncrements).
 * Parsing fills counters `$inc` never created with 0 and drops emptied Kano cells.
 */
export const rollupStatsSchema = z.object({
  responses: counter,
  csat: z.object({ ...meanShape, hist: keyedObject(CSAT_LEVELS, counter).prefault({}) }).prefault({}),
  nps: z.object({ n: counter, promoters: counter, passives: counter, detractors: counter }).prefault({}),
  ces: z.object(meanShape).prefault({}),
  servqual: z
    .object({ overall: servqualStatsSchema, dimensions: keyedObject(SERVQUAL_DIMENSIONS, servqualStatsSchema).prefault({}) })
    .prefault({}),
  kano: z.record(featureKeySchema, z.partialRecord(kanoCellSchema, z.number().finite())).default({}).transform(withoutEmptyKano),
});
export type RollupStats = z.output<typeof rollupStatsSchema>;
export type MeanStats = RollupStats['ces'];
export type ServqualStats = RollupStats['servqual']['overall'];
export type KanoTables = RollupStats['kano'];

/** Rollup statistics of no responses. */
export function emptyStats(): RollupStats {
  return rollupStatsSchema.parse({});
}

export type Tree = { [key: string]: Tree | number };

/** Leaf-by-leaf sum of two counter trees (missing leaves are 0). */
export function addTrees(a: Tree, b: Tree): Tree {
  const out: Tree = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = Object.hasOwn(a, key) ? a[key] : undefined;
    const right = Object.hasOwn(b, key) ? b[key] : undefined;
    if (typeof left === 'object' || typeof right === 'object') {
      setOwn(out, key, addTrees(typeof left === 'object' ? left : {}, typeof right === 'object' ? right : {}));
    } else {
      setOwn(out, key, (left ?? 0) + (right ?? 0));
    }
  }
  return out;
}

/**
 * Adds (or subtracts) a stored counters document into an accumulator, leaf by leaf; plain loops, no
 * schema parse per document (the rollup readers' hot path).
 */
function addRaw(target: Tree, source: unknown, sign: 1 | -1): void {
  if (source === null || typeof source !== 'object') return;
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    if (key === '__proto__') continue;
    if (typeof value === 'number') {
      const known = target[key];
      target[key] = (typeof known === 'number' ? known : 0) + sign * value;
    } else if (value !== null && typeof value === 'object') {
      const known = target[key];
      const child: Tree = typeof known === 'object' ? known : (target[key] = {});
      addRaw(child, value, sign);
    }
  }
}

/** Sums stored counter documents per `groupOf(row)`, each added or subtracted by its `sign` (rollup readers). */
export function sumCounterRows<R extends { stats: unknown; sign?: 1 | -1 }>(rows: readonly R[], groupOf: (row: R) => string): Map<string, Tree> {
  const sums = new Map<string, Tree>();
  for (const row of rows) {
    const group = groupOf(row);
    let sum = sums.get(group);
    if (!sum) sums.set(group, (sum = {}));
    addRaw(sum, row.stats, row.sign ?? 1);
  }
  return sums;
}

type KanoTable = Partial<Record<KanoCell, number>>;

/** Drops Kano cells that subtraction brought back to 0, and features left without cells. */
function withoutEmptyKano(kano: Record<string, KanoTable>): Record<string, KanoTable> {
  const out: Record<string, KanoTable> = {};
  for (const [feature, table] of Object.entries(kano)) {
    const cells = Object.entries(table).filter(([, count]) => count !== 0 && count !== undefined);
    if (cells.length > 0) setOwn(out, feature, Object.fromEntries(cells));
  }
  return out;
}

/** Sum of two rollups (e.g. several days, channels or segments), the same as folding both sets of responses. */
export function mergeStats(a: RollupStats, b: RollupStats): RollupStats {
  const sum = addTrees(a as unknown as Tree, b as unknown as Tree) as unknown as RollupStats;
  return { ...sum, kano: withoutEmptyKano(sum.kano) };
}

/** Sum of any number of rollups. */
export function mergeAllStats(all: Iterable<RollupStats>): RollupStats {
  let total = emptyStats();
  for (const stats of all) total = mergeStats(total, stats);
  return total;
}

function* leaves(tree: Tree, prefix = ''): Generator<[path: string, value: number]> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object') yield* leaves(value, `${prefix}${key}.`);
    else yield [`${prefix}${key}`, value];
  }
}

/** Dotted path → value for every counter, skipping zeros: the form MongoDB `$inc` takes. */
export function flattenStats(stats: RollupStats): Record<string, number> {
  return Object.fromEntries([...leaves(stats as unknown as Tree)].filter(([, value]) => value !== 0));
}

const FIXED_PATHS = new Set([...leaves(emptyStats() as unknown as Tree)].map(([path]) => path));
const KANO_PATH = /^kano\.([^.]+)\.([^.]+)$/;

/** Whether `path` names a RollupStats counter; anything else would corrupt a rollup document. */
export function isStatsPath(path: string): boolean {
  if (FIXED_PATHS.has(path)) return true;
  const kano = KANO_PATH.exec(path);
  return kano !== null && featureKeySchema.safeParse(kano[1]).success && kanoCellSchema.safeParse(kano[2]).success;
}

/**
 * Applies `$inc`-style increments to a copy of `stats`, exactly as MongoDB would; the pure twin of
 * the server's update, for tests and the client. Throws on a path that is not a counter.
 */
export function applyIncrements(stats: RollupStats, increments: Record<string, number>): RollupStats {
  for (const path of Object.keys(increments)) if (!isStatsPath(path)) throw new Error(`not a rollup counter: ${path}`);
  return mergeStats(stats, countersTree(increments) as unknown as RollupStats);
}

/** `{ 'csat.n': 3 }` → `{ csat: { n: 3 } }`, leaving zeros out: the nested form of dotted counter paths. */
export function countersTree(paths: Record<string, number>): Tree {
  const tree: Tree = {};
  for (const [path, value] of Object.entries(paths)) {
    if (value === 0) continue;
    const keys = path.split('.');
    const leaf = keys.pop() as string;
    let node = tree;
    for (const key of keys) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof next === 'object') node = next;
      else {
        const child: Tree = {};
        setOwn(node, key, child);
        node = child;
      }
    }
    setOwn(node, leaf, value);
  }
  return tree;
}

/** Converts scaled n, Σ, Σ² back to scale units. */
export function unscaledMoments(n: number, sum: number, sumSq: number): { n: number; sum: number; sumSq: number } {
  return { n, sum: sum / VALUE_SCALE, sumSq: sumSq / (VALUE_SCALE * VALUE_SCALE) };
}
