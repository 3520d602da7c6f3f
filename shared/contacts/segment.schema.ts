import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';

/** Customer segments an installation starts with; admins may add their own (Settings). */
export const DEFAULT_SEGMENTS = ['new', 'regular', 'vip', 'strategic'] as const;

/** Body of `PUT /api/settings/segments` and reply of both segment routes. */
export const segmentsSchema = z.object({ segments: z.array(slugSchema).min(1).max(50) });
export type Segments = z.infer<typeof segmentsSchema>;
