import {
  emailTemplateListSchema,
  emailTemplateSchema,
  renderedEmailSchema,
  type EmailTemplateBody,
  type EmailTemplatePreviewInput,
  type TemplateLocale,
} from '@shared/mail/template.schema';
import type { SendKind } from '@shared/mail/send-log.schema';
import type { ApiClient } from '../lib/api-client';

const pathOf = (kind: SendKind, locale: TemplateLocale) => `/api/email-templates/${kind}/${locale}`;

/** The email-template editor's calls; replies are checked against the shared schemas. */
export function emailTemplatesApi(api: ApiClient) {
  return {
    list: () => api.get('/api/email-templates', emailTemplateListSchema).then((reply) => reply.templates),
    save: (kind: SendKind, locale: TemplateLocale, body: EmailTemplateBody) => api.put(pathOf(kind, locale), body, emailTemplateSchema),
    reset: (kind: SendKind, locale: TemplateLocale) => api.delete(pathOf(kind, locale)),
    preview: (input: EmailTemplatePreviewInput) => api.post('/api/email-templates/preview', input, renderedEmailSchema),
  };
}
