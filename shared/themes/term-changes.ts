import { ALPHA, twoProportionZTest } from '../scoring/significance';
import { tokenize } from './tokenize';
import type { TokenizeOptions } from './tokenize';

export interface TermCounts {
  /** Number of comments counted. */
  comments: number;
  /** Term → number of comments that mention it (once per comment, so one rant cannot dominate). */
  counts: Map<string, number>;
}

export function countTerms(comments: Iterable<string>, options: TokenizeOptions = {}): TermCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const comment of comments) {
    total += 1;
    for (const term of new Set(tokenize(comment, undefined, options))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return { comments: total, counts };
}

/** Term → number of comments mentioning it. */
export function termFrequencies(comments: Iterable<string>, options: TokenizeOptions = {}): Map<string, number> {
  return countTerms(comments, options).counts;
}

export interface TermChange {
  term: string;
  before: number;
  after: number;
  /** Change in the share of comments mentioning the term, after − before (0..1 scale). */
  shareChange: number;
  pValue: number | null;
  significant: boolean;
}

export interface TermChangeOptions {
  /** A term must be in at least this many comments in one of the periods to be reported at all. */
  minCount?: number;
  alpha?: number;
}

/**
 * Terms whose share of comments moved between two periods, biggest moves first. The minimum count
 * keeps one comment from making a trend; the two-proportion z-test (the one the scores use) says
 * whether the move is more than noise.
 */
export function termChanges(before: TermCounts, after: TermCounts, options: TermChangeOptions = {}): TermChange[] {
  const minCount = options.minCount ?? 5;
  const alpha = options.alpha ?? ALPHA;
  const terms = new Set([...before.counts.keys(), ...after.counts.keys()]);
  const changes: TermChange[] = [];
  for (const term of terms) {
    const b = before.counts.get(term) ?? 0;
    const a = after.counts.get(term) ?? 0;
    if (Math.max(a, b) < minCount) continue;
    const shareBefore = before.comments > 0 ? b / before.comments : 0;
    const shareAfter = after.comments > 0 ? a / after.comments : 0;
    const test = twoProportionZTest(b, before.comments, a, after.comments);
    const pValue = test?.pValue ?? null;
    changes.push({ term, before: b, after: a, shareChange: shareAfter - shareBefore, pValue, significant: pValue !== null && pValue < alpha });
  }
  return changes.sort((x, y) => Math.abs(y.shareChange) - Math.abs(x.shareChange) || x.term.localeCompare(y.term));
}
