import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { emailSchema } from '../auth/auth.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { UI_LOCALES } from '../survey-definition/survey-locale';

/** Languages a contact may be written to in; the same as the survey locales. */
export const CONTACT_LOCALES = UI_LOCALES;
export const contactLocaleSchema = z.enum(CONTACT_LOCALES);
export type ContactLocale = z.infer<typeof contactLocaleSchema>;

export const MAX_ATTRIBUTES = 50;
/** No `.` or `$` (they are MongoDB path syntax); letters of any script, digits, space, `_` and `-`. */
export const ATTRIBUTE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_ -]{0,63}$/u;
export const attributeNameSchema = z
  .string()
  .regex(ATTRIBUTE_NAME, 'must be 1-64 letters, digits, spaces, "_" or "-" (no "." or "$")');
export const attributeValueSchema = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** Free-form facts about a contact (customer id, branch, plan...): flat, small, scalar values only. */
export const attributesSchema = z
  .record(attributeNameSchema, attributeValueSchema)
  .refine((attributes) => Object.keys(attributes).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`);
export type ContactAttributes = z.infer<typeof attributesSchema>;

const nameSchema = z.string().trim().min(1).max(200);
const phoneSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9+()./ -]+$/, 'must contain only digits, spaces and + ( ) . / -');

/**
 * One contact to import (`POST /api/contacts`). Email is the identity (normalised to lower case);
 * fields left out keep what an existing contact has, attributes are merged key by key.
 */
export const contactInputSchema = z
  .object({
    email: emailSchema,
    name: nameSchema.optional(),
    phone: phoneSchema.optional(),
    segment: slugSchema.optional(),
    locale: contactLocaleSchema.optional(),
    attributes: attributesSchema.optional(),
  })
  .strict();
export type ContactInput = z.infer<typeof contactInputSchema>;

/** The most rows one JSON import may carry; larger imports are sent as CSV. */
export const MAX_JSON_IMPORT_ROWS = 1000;
/** JSON import body: rows are checked one by one, so a bad row is reported instead of failing them all. */
export const contactImportJsonSchema = z.array(z.unknown()).min(1).max(MAX_JSON_IMPORT_ROWS);

/** `PATCH /api/contacts/:id`: null clears a field; `attributes` replaces them all. */
export const contactUpdateSchema = z
  .object({
    email: emailSchema,
    name: nameSchema.nullable(),
    phone: phoneSchema.nullable(),
    segment: slugSchema.nullable(),
    locale: contactLocaleSchema.nullable(),
    attributes: attributesSchema,
  })
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'send at least one field to change');
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const contactSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  segment: z.string().nullable(),
  locale: z.string().nullable(),
  attributes: z.record(z.string(), attributeValueSchema),
  unsubscribedAt: z.string().nullable(),
  lastSurveyedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactIdParamsSchema = z.object({ id: objectIdSchema });

/** `GET /api/contacts`: newest first; `q` is a case-insensitive prefix of the email or the name. */
export const contactListQuerySchema = z
  .object({
    segment: slugSchema.optional(),
    q: z.string().trim().max(200).optional(),
    unsubscribed: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
    cursor: objectIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;

export const contactListSchema = z.object({ contacts: z.array(contactSchema), nextCursor: z.string().nullable() });
export type ContactList = z.infer<typeof contactListSchema>;

/** The most rejected rows an import report lists; `rejectedCount` counts them all. */
export const MAX_LISTED_REJECTIONS = 1000;

/**
 * `row`: for JSON the position in the array counting from 1, for CSV the line number in the file
 * (the header is line 1). `reasons` name the field, e.g. `segment: unknown segment "gold"`.
 */
export const rejectedRowSchema = z.object({ row: z.number().int(), email: z.string().optional(), reasons: z.array(z.string()) });
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

/**
 * Outcome of an import. `created + updated + rejectedCount = total` (data rows read); a row whose
 * email came earlier in the same import counts as `updated`.
 */
export const importReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(rejectedRowSchema),
  rejectedCount: z.number().int(),
  total: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** `GET /api/contacts/:id/export`: everything held on one person (data-subject access request). */
export const contactExportSchema = z.object({
  exportedAt: z.string(),
  contact: contactSchema,
  responses: z.array(z.record(z.string(), z.unknown())),
  sendLog: z.array(z.record(z.string(), z.unknown())),
  responseTokens: z.array(z.record(z.string(), z.unknown())),
});
export type ContactExport = z.infer<typeof contactExportSchema>;

/** The columns a CSV import maps to contact fields; every other column becomes an attribute. */
export const CSV_FIELD_COLUMNS = ['email', 'name', 'phone', 'segment', 'locale'] as const;
