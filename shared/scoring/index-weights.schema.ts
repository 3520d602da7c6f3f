import { z } from 'zod';
import { indexWeightsSchema } from './composite-index';

/** Body of PUT /api/metrics/index-weights: the server assigns the next version. */
export const indexWeightsInputSchema = z
  .object({
    csat: z.number().finite().min(0).max(100),
    nps: z.number().finite().min(0).max(100),
    ces: z.number().finite().min(0).max(100),
    servqual: z.number().finite().min(0).max(100),
    /** Case components, 0 when left out. */
    fcr: z.number().finite().min(0).max(100).default(0),
    sla: z.number().finite().min(0).max(100).default(0),
  })
  .strict()
  .refine((w) => w.csat + w.nps + w.ces + w.servqual + w.fcr + w.sla > 0, 'at least one weight must be positive');

/** Reply of GET /api/metrics/index-weights: newest first, ending with the built-in version 0. */
export const indexWeightsListSchema = z.object({ current: indexWeightsSchema, versions: z.array(indexWeightsSchema) });
