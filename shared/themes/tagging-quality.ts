import { compileThemes, tagComment } from './tag-comments';
import type { CompileOptions } from './tag-comments';
import type { Theme } from './theme.schema';

export interface LabelledComment {
  id: number;
  lang: string;
  text: string;
  themes: string[];
}

export interface Quality {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function quality(tp: number, fp: number, fn: number): Quality {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Precision, recall and F1 of tagging per theme and micro-averaged overall, for one set of comments. */
export function measureTagging(
  comments: readonly LabelledComment[],
  themes: readonly Theme[],
  options: CompileOptions = {},
): { overall: Quality; perTheme: Map<string, Quality> } {
  const compiled = compileThemes(themes, options);
  const counts = new Map(themes.map((t) => [t.key, { tp: 0, fp: 0, fn: 0 }]));
  for (const comment of comments) {
    const predicted = new Set(tagComment(comment.text, compiled));
    const expected = new Set(comment.themes);
    for (const [key, c] of counts) {
      if (predicted.has(key) && expected.has(key)) c.tp += 1;
      else if (predicted.has(key)) c.fp += 1;
      else if (expected.has(key)) c.fn += 1;
    }
  }
  const perTheme = new Map([...counts].map(([key, c]) => [key, quality(c.tp, c.fp, c.fn)]));
  const sum = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { overall: quality(sum.tp, sum.fp, sum.fn), perTheme };
}
