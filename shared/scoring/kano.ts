import { z } from 'zod';
import { KANO_ANSWERS } from '../survey-definition/metric-vocabulary';
import type { KanoAnswer } from '../survey-definition/metric-vocabulary';

export const KANO_CATEGORIES = ['attractive', 'one-dimensional', 'must-be', 'indifferent', 'reverse', 'questionable'] as const;
export const kanoCategorySchema = z.enum(KANO_CATEGORIES);
export type KanoCategory = z.infer<typeof kanoCategorySchema>;
export type KanoCategoryCounts = Record<KanoCategory, number>;

/** A cell of the 5×5 answer table: `<functional answer>|<dysfunctional answer>`. */
export type KanoCell = `${KanoAnswer}|${KanoAnswer}`;
export const KANO_CELLS = KANO_ANSWERS.flatMap((f) => KANO_ANSWERS.map((d) => `${f}|${d}` as const));
export const kanoCellSchema = z.enum(KANO_CELLS);

export function kanoCell(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCell {
  return `${functional}|${dysfunctional}`;
}

const A = 'attractive';
const O = 'one-dimensional';
const M = 'must-be';
const I = 'indifferent';
const R = 'reverse';
const Q = 'questionable';

/**
 * Kano evaluation table (Berger et al. 1993). Rows: functional answer, columns: dysfunctional answer,
 * both in KANO_ANSWERS order (like, must-be, neutral, live-with, dislike).
 */
const EVALUATION_TABLE: readonly (readonly KanoCategory[])[] = [
  /* like      */ [Q, A, A, A, O],
  /* must-be   */ [R, I, I, I, M],
  /* neutral   */ [R, I, I, I, M],
  /* live-with */ [R, I, I, I, M],
  /* dislike   */ [R, R, R, R, Q],
];

/** The category one respondent's pair of answers falls into. */
export function kanoCategoryOf(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory {
  const category = EVALUATION_TABLE[KANO_ANSWERS.indexOf(functional)]?.[KANO_ANSWERS.indexOf(dysfunctional)];
  if (category === undefined) throw new Error(`not a Kano answer pair: ${functional}|${dysfunctional}`);
  return category;
}

/**
 * Tie rule: when categories share the highest count, the one with more impact on satisfaction wins,
 * M > O > A > I (Berger et al.'s "must-be first" rule), then R > Q.
 */
const TIE_ORDER: readonly KanoCategory[] = [M, O, A, I, R, Q];

export interface KanoResult {
  n: number;
  category: KanoCategory;
  /** (A + O) / (A + O + M + I); null when nobody fell into those four. */
  better: number | null;
  /** −(O + M) / (A + O + M + I); null when nobody fell into those four. */
  worse: number | null;
  counts: KanoCategoryCounts;
}

/** Category counts, majority category and Better/Worse coefficients from a feature's answer table. */
export function evaluateKano(table: Partial<Record<KanoCell, number>>): KanoResult | null {
  const counts: KanoCategoryCounts = { attractive: 0, 'one-dimensional': 0, 'must-be': 0, indifferent: 0, reverse: 0, questionable: 0 };
  for (const cell of KANO_CELLS) {
    const count = table[cell] ?? 0;
    if (count <= 0) continue;
    const [functional, dysfunctional] = cell.split('|') as [KanoAnswer, KanoAnswer];
    counts[kanoCategoryOf(functional, dysfunctional)] += count;
  }
  const n = KANO_CATEGORIES.reduce((total, category) => total + counts[category], 0);
  if (n <= 0) return null;

  let category: KanoCategory = M;
  for (const candidate of TIE_ORDER) if (counts[candidate] > counts[category]) category = candidate;

  const classified = counts.attractive + counts['one-dimensional'] + counts['must-be'] + counts.indifferent;
  return {
    n,
    category,
    better: classified > 0 ? (counts.attractive + counts['one-dimensional']) / classified : null,
    // 0 − x rather than −x so that no O or M gives 0, not −0.
    worse: classified > 0 ? (0 - (counts['one-dimensional'] + counts['must-be'])) / classified : null,
    counts,
  };
}
