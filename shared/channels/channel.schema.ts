import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';

/**
 * Tags a staff link presets: where the customer was (touchpoint) and how they were reached (channel).
 * Strict, so a misspelt option is refused rather than quietly giving an untagged link.
 */
export const surveyLinkQuerySchema = z.object({ touchpoint: slugSchema.optional(), channel: slugSchema.optional() }).strict();
export type SurveyLinkQuery = z.infer<typeof surveyLinkQuerySchema>;

/** A published survey's signed link with its tags, as kiosks and the link endpoint build it. */
export const taggedSurveyLinkSchema = z.object({
  url: z.string(),
  slug: z.string(),
  title: z.string(),
  touchpoint: slugSchema.nullable(),
  channel: slugSchema.nullable(),
});
export type TaggedSurveyLink = z.infer<typeof taggedSurveyLinkSchema>;

/**
 * Code of a short link `/q/<code>`: 10 base62 characters (about 59 random bits), no `-` or `_` that a
 * reader could drop when typing the link off a card.
 */
export const SHORT_LINK_CODE_LENGTH = 10;
export const shortLinkCodeSchema = z.string().regex(/^[0-9A-Za-z]{10}$/, 'must be the code of a short link');
export const shortLinkParamsSchema = z.object({ code: shortLinkCodeSchema }).strict();

/** Reply of `GET /api/surveys/:id/link`: the signed link and its short form, which QR codes and cards carry. */
export const surveyLinkSchema = taggedSurveyLinkSchema.extend({ shortUrl: z.string() });
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

/** Pixel width of the PNG QR code; big enough for a poster, small enough for a receipt printer to scale. */
export const qrPngQuerySchema = surveyLinkQuerySchema.extend({ width: z.coerce.number().int().min(64).max(2048).optional() }).strict();

/** Seconds bounds for kiosk timing; the low ends let tests run a kiosk cycle in a few seconds. */
export const KIOSK_THANK_YOU_SECONDS = { min: 1, max: 60, default: 6 } as const;
export const KIOSK_IDLE_SECONDS = { min: 2, max: 3600, default: 90 } as const;

/** Body of `POST /api/kiosks`: one tablet at one touchpoint, answering one survey. */
export const kioskDeviceInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    surveyId: objectIdSchema,
    touchpoint: slugSchema,
    channel: slugSchema,
    /** How long the thank-you stays before the next customer's fresh survey. */
    thankYouSeconds: z.number().int().min(KIOSK_THANK_YOU_SECONDS.min).max(KIOSK_THANK_YOU_SECONDS.max).default(KIOSK_THANK_YOU_SECONDS.default),
    /** A half-filled survey untouched this long is cleared, so the next customer never sees it. */
    idleSeconds: z.number().int().min(KIOSK_IDLE_SECONDS.min).max(KIOSK_IDLE_SECONDS.max).default(KIOSK_IDLE_SECONDS.default),
  })
  .strict();
/** As the server holds it after parsing (timings defaulted). */
export type KioskDeviceInput = z.output<typeof kioskDeviceInputSchema>;

export const kioskDeviceIdParamsSchema = z.object({ id: objectIdSchema });
export const kioskListQuerySchema = z.object({ surveyId: objectIdSchema.optional() }).strict();

export const kioskDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  surveyId: z.string(),
  touchpoint: slugSchema,
  channel: slugSchema,
  thankYouSeconds: z.number().int(),
  idleSeconds: z.number().int(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type KioskDevice = z.infer<typeof kioskDeviceSchema>;
export const kioskDeviceListSchema = z.object({ kiosks: z.array(kioskDeviceSchema) });

/** Reply of `POST /api/kiosks`: the only time the credential is shown (only its hash is stored). */
export const createdKioskDeviceSchema = kioskDeviceSchema.extend({ kioskUrl: z.string() });
export type CreatedKioskDevice = z.infer<typeof createdKioskDeviceSchema>;

/** Reply of `GET /api/public/kiosk`: what the tablet needs to run, read with its credential. */
export const kioskSettingsSchema = kioskDeviceSchema
  .pick({ name: true, touchpoint: true, channel: true, thankYouSeconds: true, idleSeconds: true })
  .extend({ slug: z.string() });
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
