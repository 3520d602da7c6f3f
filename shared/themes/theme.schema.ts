import { z } from 'zod';

// A keyword of only punctuation or spaces would never match a word (or would match every comment).
const keyword = z
  .string()
  .trim()
  .min(1, 'a keyword must not be empty')
  .max(60)
  .regex(/[\p{L}\p{N}]/u, 'a keyword needs a letter or digit');

/** Names a theme in stored tags and rollups, so it never changes once made. */
export const themeKeySchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes');

/** An admin-kept comment theme: a name and keywords (single words or phrases) in both languages. */
export const themeSchema = z
  .object({
    key: themeKeySchema,
    name: z.object({ en: z.string().trim().min(1).max(80), 'zh-CN': z.string().trim().min(1).max(80) }).strict(),
    keywords: z
      .object({ en: z.array(keyword).max(100), 'zh-CN': z.array(keyword).max(100) })
      .strict()
      .refine((k) => k.en.length + k['zh-CN'].length > 0, 'a theme needs at least one keyword'),
  })
  .strict();

export const themeSetSchema = z
  .array(themeSchema)
  .max(200)
  .refine((themes) => new Set(themes.map((t) => t.key)).size === themes.length, 'theme keys must be unique');

export type Theme = z.infer<typeof themeSchema>;
