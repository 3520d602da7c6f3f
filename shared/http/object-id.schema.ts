import { z } from 'zod';

/** A MongoDB ObjectId as the server writes it in every reply: 24 lower-case hex digits. */
export const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be an id');
