import { z } from 'zod';
import type { SurveyDefinition } from '../definition.schema';

export const TEMPLATE_KEYS = ['servqual', 'csat', 'nps', 'ces', 'kano', 'follow-up'] as const;
export const templateKeySchema = z.enum(TEMPLATE_KEYS);
export type TemplateKey = z.infer<typeof templateKeySchema>;

/** A ready-made questionnaire; texts are SurveyJS localizable strings in English (`default`) and `zh-cn`. */
export interface SurveyTemplate {
  key: TemplateKey;
  title: { default: string; 'zh-cn': string };
  description: { default: string; 'zh-cn': string };
  definition: SurveyDefinition;
}

type BilingualText = SurveyTemplate['title'];

/** A template whose survey shows the template's own title and description above the given pages. */
export function defineTemplate(
  key: TemplateKey,
  title: BilingualText,
  description: BilingualText,
  pages: NonNullable<SurveyDefinition['pages']>,
): SurveyTemplate {
  return { key, title, description, definition: { title, description, pages } };
}
