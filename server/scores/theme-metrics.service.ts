import { csatScore, npsScore } from '@shared/scoring/metrics';
import { countersTree, emptyStats, flattenStats, rollupStatsSchema, type RollupStats } from '@shared/scoring/rollup-stats';
import type { ThemeMetricsQuery, ThemeMetricsResponse, ThemeScores, TouchpointThemes } from '@shared/themes/theme-api.schema';
import type { Theme } from '@shared/themes/theme.schema';
import { themeNames } from '../themes/theme.service';
import { previousPeriod } from './metrics.service';
import { dayOf, periodReads } from './period-plan';
import { ALL, NONE, rollupKeys, type Grain } from './rollup.model';
import { COMMENTED, ThemeRollupModel } from './theme-rollup.model';
import { commentsInPeriod, frequentTerms } from './theme-terms.service';

/** Earliest day "all time" reaches back to (as for the score metrics). */
const EPOCH_DAY = '2000-01-01';

interface ThemeRow {
  touchpoint: string;
  theme: string;
  stats: unknown;
}

/** Theme rollups of one key over [from, to]: whole months, ragged ends by day (see periodReads). */
async function readThemeRows(keyOf: (grain: Grain) => Record<string, string>, from: string | undefined, to: string | undefined): Promise<(ThemeRow & { sign: 1 | -1 })[]> {
  const reads = periodReads(from ?? EPOCH_DAY, to ?? dayOf(new Date()));
  const read = async (grain: Grain, periods: string[], sign: 1 | -1) => {
    if (periods.length === 0) return [];
    const rows = (await ThemeRollupModel.collection
      .find({ ...keyOf(grain), period: { $in: periods } }, { projection: { _id: 0, touchpoint: 1, theme: 1, stats: 1 } })
      .toArray()) as unknown as ThemeRow[];
    return rows.map((row) => ({ ...row, sign }));
  };
  const parts = await Promise.all([read('month', reads.months, 1), read('day', reads.addDays, 1), read('day', reads.subtractDays, -1)]);
  return parts.flat();
}

/** Sums rows per group into parsed statistics: by counter path, so a subtracted day takes out exactly what its month holds. */
function sumThemeRows(rows: readonly (ThemeRow & { sign: 1 | -1 })[], groupOf: (row: ThemeRow) => string): Map<string, RollupStats> {
  const sums = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const group = groupOf(row);
    const sum = sums.get(group) ?? {};
    for (const [path, value] of Object.entries(flattenStats(rollupStatsSchema.parse(row.stats ?? {})))) sum[path] = (sum[path] ?? 0) + row.sign * value;
    sums.set(group, sum);
  }
  return new Map([...sums].map(([group, sum]) => [group, rollupStatsSchema.parse(countersTree(sum))]));
}

const groupKey = (touchpoint: string, theme: string) => `${touchpoint}|${theme}`;

/** The themes of one touchpoint, most mentioned first; only themes that exist now and were mentioned. */
function themesOf(
  touchpoint: string,
  current: Map<string, RollupStats>,
  previous: Map<string, RollupStats> | null,
  names: Map<string, Theme['name']>,
): { commented: number; themes: ThemeScores[] } {
  const commented = current.get(groupKey(touchpoint, COMMENTED))?.responses ?? 0;
  const previousCommented = previous?.get(groupKey(touchpoint, COMMENTED))?.responses ?? 0;
  const themes: ThemeScores[] = [];
  for (const [key, name] of names) {
    const stats = current.get(groupKey(touchpoint, key)) ?? emptyStats();
    const before = previous?.get(groupKey(touchpoint, key))?.responses ?? 0;
    if (stats.responses <= 0 && before <= 0) continue;
    themes.push({
      key,
      name,
      n: stats.responses,
      share: commented > 0 ? stats.responses / commented : 0,
      nps: npsScore(stats),
      csat: csatScore(stats),
      ...(previous ? { previous: { n: before, share: previousCommented > 0 ? before / previousCommented : 0 } } : {}),
    });
  }
  themes.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  return { commented, themes };
}

/**
 * Comment themes per touchpoint of one survey over [from, to]: how many commented responses mention
 * each theme and their NPS and CSAT (from the theme rollups), and the frequent terms of the comments
 * with their change against the previous period of the same length (when both bounds are given).
 */
export async function touchpointThemes(query: ThemeMetricsQuery): Promise<ThemeMetricsResponse> {
  const keyOf = (grain: Grain): Record<string, string> => {
    const keys = rollupKeys({ surveyId: query.survey, grain, touchpoint: query.touchpoint ?? NONE, channel: query.channel ?? ALL, segment: query.segment ?? ALL });
    return query.touchpoint === undefined ? { slice: keys.slice } : { series: keys.series };
  };
  const previousRange = query.from !== undefined && query.to !== undefined ? previousPeriod(query.from, query.to) : null;
  const filter = { survey: query.survey, touchpoint: query.touchpoint, channel: query.channel, segment: query.segment };
  const [names, current, previous, comments, previousComments] = await Promise.all([
    themeNames(),
    readThemeRows(keyOf, query.from, query.to).then((rows) => sumThemeRows(rows, (row) => groupKey(row.touchpoint, row.theme))),
    previousRange ? readThemeRows(keyOf, previousRange.from, previousRange.to).then((rows) => sumThemeRows(rows, (row) => groupKey(row.touchpoint, row.theme))) : null,
    commentsInPeriod({ ...filter, from: query.from, to: query.to }),
    previousRange ? commentsInPeriod({ ...filter, ...previousRange }) : null,
  ]);
  const touchpoints = new Set([...current.keys()].map((group) => group.split('|')[0] as string));
  const out: TouchpointThemes[] = [...touchpoints]
    .filter((touchpoint) => touchpoint !== NONE)
    .sort()
    .map((touchpoint) => {
      const { commented, themes } = themesOf(touchpoint, current, previous, names);
      const texts = comments.byTouchpoint.get(touchpoint) ?? [];
      const terms = frequentTerms(texts, previousComments ? (previousComments.byTouchpoint.get(touchpoint) ?? []) : null, query.terms);
      return { touchpoint, commented, themes, terms, termsSampled: comments.sampled || (previousComments?.sampled ?? false) };
    })
    .filter((entry) => entry.commented > 0);
  return { asOf: new Date().toISOString(), touchpoints: out };
}

export interface TopTheme {
  key: string;
  name: Theme['name'];
  /** Responses whose comments mention the theme, over every survey of the touchpoints. */
  n: number;
  /** n / commented responses, 0–1. */
  share: number;
  previous: { n: number; share: number };
  /** share − previous share (the previous period has the same length). */
  change: number;
  /** Up to two of the newest comments that mention it. */
  examples: string[];
}

/**
 * The most mentioned comment themes of a set of touchpoints over [from, to] (UTC days, inclusive),
 * pooled over surveys, channels and segments, with their change against the previous period and two
 * example comments each: what a report's "top comment themes" section shows.
 */
export async function topThemes(options: { touchpoints: readonly string[]; from: string; to: string; limit: number }): Promise<TopTheme[]> {
  const previousRange = previousPeriod(options.from, options.to);
  const read = async (from: string, to: string) => {
    const rows = await Promise.all(
      options.touchpoints.map((touchpoint) =>
        readThemeRows((grain) => ({ touchpointSlice: rollupKeys({ surveyId: '', grain, touchpoint, channel: ALL, segment: ALL }).touchpointSlice }), from, to),
      ),
    );
    return sumThemeRows(rows.flat(), (row) => row.theme);
  };
  const [names, current, previous] = await Promise.all([themeNames(), read(options.from, options.to), read(previousRange.from, previousRange.to)]);
  const commented = current.get(COMMENTED)?.responses ?? 0;
  const previousCommented = previous.get(COMMENTED)?.responses ?? 0;
  const ranked = [...names]
    .map(([key, name]) => {
      const n = current.get(key)?.responses ?? 0;
      const before = previous.get(key)?.responses ?? 0;
      const share = commented > 0 ? n / commented : 0;
      const previousShare = previousCommented > 0 ? before / previousCommented : 0;
      return { key, name, n, share, previous: { n: before, share: previousShare }, change: share - previousShare };
    })
    .filter((theme) => theme.n > 0)
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
    .slice(0, options.limit);
  return Promise.all(
    ranked.map(async (theme) => {
      const comments = await commentsInPeriod({ touchpoints: options.touchpoints, from: options.from, to: options.to, theme: theme.key }, 2);
      return { ...theme, examples: [...comments.byTouchpoint.values()].flat().slice(0, 2) };
    }),
  );
}
