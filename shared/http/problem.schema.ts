import { z } from 'zod';

/** RFC 9457 problem details, as every error response of the API is written. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  instance: z.string().optional(),
  invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  /** On a refused case transition (409): the moves the case's state allows. */
  allowed_moves: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type InvalidParam = NonNullable<Problem['invalid_params']>[number];
