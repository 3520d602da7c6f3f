import { z } from 'zod';
import { METRIC_SCALES } from '../survey-definition/metric-vocabulary';

export const INDEX_COMPONENTS = ['csat', 'nps', 'ces', 'servqual', 'fcr', 'sla'] as const;
export const indexComponentSchema = z.enum(INDEX_COMPONENTS);
export type IndexComponent = z.infer<typeof indexComponentSchema>;

const weight = z.number().finite().min(0);

/**
 * Admin-set weights of the service-quality index. `version` increases with every change so a reported
 * index can name the weights it was computed with; 0 is the built-in default. Weights need not sum to 1.
 */
export const indexWeightsSchema = z
  // Case components weigh 0 unless an admin sets them, so the index of earlier weights is unchanged.
  .object({ version: z.number().int().min(0), csat: weight, nps: weight, ces: weight, servqual: weight, fcr: weight.optional(), sla: weight.optional() })
  .refine((w) => INDEX_COMPONENTS.some((component) => (w[component] ?? 0) > 0), 'at least one weight must be positive');
export type IndexWeights = z.infer<typeof indexWeightsSchema>;

export const DEFAULT_INDEX_WEIGHTS: IndexWeights = { version: 0, csat: 1, nps: 1, ces: 1, servqual: 1, fcr: 0, sla: 0 };

/** The raw inputs of the index; a missing one (no answers) is left out. */
export interface IndexInputs {
  csatMean?: number;
  npsScore?: number;
  cesMean?: number;
  servqualGap?: number;
  /** Case first-contact resolution, percent. */
  fcrPct?: number;
  /** Case SLA stages met, percent. */
  slaPct?: number;
}

const SERVQUAL_MAX_GAP = METRIC_SCALES.servqual.max - METRIC_SCALES.servqual.min;
const toPercent = (value: number, min: number, max: number) => Math.min(100, Math.max(0, (100 * (value - min)) / (max - min)));

/**
 * Each input mapped linearly onto 0–100, higher always better:
 * CSAT mean 1–5, NPS −100–100, CES mean 1–7 (our CES asks "How easy was it…", 7 = very easy, so
 * easier is better), SERVQUAL gap −6–6 (perception meeting expectation, gap 0, is 50); the case
 * FCR and SLA attainment are percentages already.
 */
export function indexComponents(inputs: IndexInputs): Partial<Record<IndexComponent, number>> {
  const out: Partial<Record<IndexComponent, number>> = {};
  if (inputs.csatMean !== undefined) out.csat = toPercent(inputs.csatMean, METRIC_SCALES.csat.min, METRIC_SCALES.csat.max);
  if (inputs.npsScore !== undefined) out.nps = toPercent(inputs.npsScore, -100, 100);
  if (inputs.cesMean !== undefined) out.ces = toPercent(inputs.cesMean, METRIC_SCALES.ces.min, METRIC_SCALES.ces.max);
  if (inputs.servqualGap !== undefined) out.servqual = toPercent(inputs.servqualGap, -SERVQUAL_MAX_GAP, SERVQUAL_MAX_GAP);
  if (inputs.fcrPct !== undefined) out.fcr = toPercent(inputs.fcrPct, 0, 100);
  if (inputs.slaPct !== undefined) out.sla = toPercent(inputs.slaPct, 0, 100);
  return out;
}

/**
 * Weighted mean of the components present, weights renormalised over them; null when no component
 * with a positive weight is present.
 */
export function compositeIndex(components: Partial<Record<IndexComponent, number>>, weights: IndexWeights): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const component of INDEX_COMPONENTS) {
    const value = components[component];
    const weight = weights[component] ?? 0; // a case weight left out is 0
    if (value === undefined || weight <= 0) continue;
    weighted += weight * value;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}
