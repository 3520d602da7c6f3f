import { TARGET_METRICS, type TargetMetric } from '@shared/scoring/target.schema';

export const ACTIONS_PATH = '/actions';

/** What "Open an action" carries from a dashboard card, a missed target or a breach alert. */
export interface ActionPrefill {
  touchpoint: string;
  metric: TargetMetric | null;
  problem: string;
}

/** The link that opens the new-action form prefilled. */
export function newActionHref(prefill: Partial<ActionPrefill>): string {
  const params = new URLSearchParams();
  if (prefill.touchpoint) params.set('touchpoint', prefill.touchpoint);
  if (prefill.metric) params.set('metric', prefill.metric);
  if (prefill.problem) params.set('problem', prefill.problem);
  const query = params.toString();
  return `${ACTIONS_PATH}/new${query ? `?${query}` : ''}`;
}

/** Reads the prefill back from the form's search string; an unknown metric is dropped, not trusted. */
export function readActionPrefill(search: string): ActionPrefill {
  const params = new URLSearchParams(search);
  const metric = params.get('metric');
  return {
    touchpoint: params.get('touchpoint') ?? '',
    metric: metric && (TARGET_METRICS as readonly string[]).includes(metric) ? (metric as TargetMetric) : null,
    problem: (params.get('problem') ?? '').slice(0, 2000),
  };
}
