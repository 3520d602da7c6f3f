/**
 * The public complaint form (a template, the same for every touchpoint): what a customer files at
 * `/complain/<touchpoint>` without signing in, and what the page reads to show it.
 */
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { HONEYPOT_FIELD } from '../responses/response-constants';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { UI_LOCALES } from '../survey-definition/survey-locale';

export const complaintParamsSchema = z.object({ touchpoint: slugSchema }).strict();

/** Digits with the usual separators and an optional leading +, 5 to 30 characters. */
const phoneSchema = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{3,28}[0-9]$/, 'must be a phone number');

export const complaintInputSchema = z
  .object({
    /** Made by the page once per form; sending it again returns the same case. */
    submissionId: z.uuid({ error: 'must be a UUID' }),
    name: z.string().trim().min(1).max(200),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    channel: slugSchema.optional(),
    description: z.string().trim().min(10, 'tell us a little more (at least 10 characters)').max(5000),
    locale: z.enum(UI_LOCALES).optional(),
    /** Milliseconds the customer spent on the form, as the page measured it. */
    elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000),
    [HONEYPOT_FIELD]: z.string().max(2000).optional(),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.phone !== undefined, { message: 'give an email address or a phone number', path: ['email'] });
export type ComplaintInput = z.infer<typeof complaintInputSchema>;

/** What the page shows: the touchpoint's name and the channels a customer may say they used. */
export const complaintFormSchema = z.object({ touchpoint: z.object({ key: z.string(), name: z.string() }), channels: z.array(z.string()) });
export type ComplaintForm = z.infer<typeof complaintFormSchema>;

/** The reply to a filed complaint: the case number the customer can quote. */
export const complaintFiledSchema = z.object({ case: z.string() });
export type ComplaintFiled = z.infer<typeof complaintFiledSchema>;
