import type { SendKind } from '@shared/mail/send-log.schema';
import { renderTemplate, unknownTemplateVariables } from '@shared/mail/template-render';
import {
  TEMPLATE_LOCALES,
  TEMPLATE_VARIABLES,
  type EmailTemplate,
  type EmailTemplateBody,
  type EmailTemplatePreviewInput,
  type RenderedEmail,
  type TemplateLocale,
  type TemplateVars,
} from '@shared/mail/template.schema';
import { SEND_KINDS } from '@shared/mail/send-log.schema';
import { Invalid } from '../lib/errors';
import { TtlCache } from '../lib/ttl-cache';
import { EmailTemplateModel } from './email-template.model';
import { DEFAULT_TEMPLATES, SAMPLE_VARS } from './templates-defaults';

export type { TemplateVars } from '@shared/mail/template.schema';

/**
 * Overrides are read once per 10 s per process: a bulk send renders thousands of emails without a
 * lookup each, and an edit reaches the workers within seconds (at once in the process that saved it).
 */
const overrides = new TtlCache<EmailTemplateBody | null>(10_000, 64);

async function loadOverride(kind: SendKind, locale: TemplateLocale): Promise<EmailTemplateBody | null> {
  return overrides.get(`${kind}/${locale}`, async () => {
    const doc = await EmailTemplateModel.findOne({ kind, locale }).lean();
    return doc ? { subject: doc.subject, html: doc.html, text: doc.text } : null;
  });
}

/**
 * The template in force for (kind, locale): the saved override, else the built-in default. An override
 * saved when its kind offered other variables (the owner alert became a digest) is set aside rather
 * than sent with blanks where its old variables were.
 */
export async function templateInForce(kind: SendKind, locale: TemplateLocale): Promise<EmailTemplateBody> {
  const override = await loadOverride(kind, locale);
  return override && unknownTemplateVariables(kind, override).length === 0 ? override : DEFAULT_TEMPLATES[kind][locale];
}

/** Renders one email of `kind` in `locale` with the template in force; values are HTML-escaped in `html`. */
export async function renderEmail(kind: SendKind, locale: TemplateLocale, vars: TemplateVars): Promise<RenderedEmail> {
  return renderTemplate(await templateInForce(kind, locale), vars, locale);
}

/** A contact's or response's locale, mapped onto the languages templates exist in. */
export function templateLocaleOf(locale: string | null | undefined): TemplateLocale {
  return locale && /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}

function rejectUnknownVariables(kind: SendKind, body: Partial<EmailTemplateBody>): void {
  const unknown = unknownTemplateVariables(kind, body);
  if (unknown.length > 0) {
    throw new Invalid(
      `Unknown template variable${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `{{${n}}}`).join(', ')}. A ${kind} email may use ${TEMPLATE_VARIABLES[kind].map((n) => `{{${n}}}`).join(', ')}.`,
      (['subject', 'html', 'text'] as const).flatMap((part) =>
        unknownTemplateVariables(kind, { [part]: body[part] }).map((name) => ({ name: `body.${part}`, reason: `unknown variable {{${name}}}` })),
      ),
    );
  }
}

/** Every (kind, locale) with what is in force and the default it replaces. */
export async function listEmailTemplates(): Promise<EmailTemplate[]> {
  const saved = await EmailTemplateModel.find().lean();
  return SEND_KINDS.flatMap((kind) =>
    TEMPLATE_LOCALES.map((locale) => {
      const stored = saved.find((d) => d.kind === kind && d.locale === locale);
      // An override set aside by templateInForce (old variables) is not what is in force either.
      const doc = stored && unknownTemplateVariables(kind, stored).length === 0 ? stored : undefined;
      const fallback = DEFAULT_TEMPLATES[kind][locale];
      return {
        kind,
        locale,
        subject: doc?.subject ?? fallback.subject,
        html: doc?.html ?? fallback.html,
        text: doc?.text ?? fallback.text,
        variables: [...TEMPLATE_VARIABLES[kind]],
        overridden: Boolean(doc),
        updatedAt: doc?.updatedAt?.toISOString() ?? null,
        default: fallback,
      };
    }),
  );
}

export async function saveEmailTemplate(kind: SendKind, locale: TemplateLocale, body: EmailTemplateBody, userId: string | null): Promise<void> {
  rejectUnknownVariables(kind, body);
  await EmailTemplateModel.updateOne({ kind, locale }, { $set: { ...body, updatedBy: userId } }, { upsert: true });
  overrides.delete(`${kind}/${locale}`);
}

/** Drops the override; the built-in default is in force again. */
export async function resetEmailTemplate(kind: SendKind, locale: TemplateLocale): Promise<void> {
  await EmailTemplateModel.deleteOne({ kind, locale });
  overrides.delete(`${kind}/${locale}`);
}

/** Renders an unsaved edit (parts given) or the template in force, with sample values under the given ones. */
export async function previewEmailTemplate(input: EmailTemplatePreviewInput): Promise<RenderedEmail> {
  const inForce = await templateInForce(input.kind, input.locale);
  const body: EmailTemplateBody = {
    subject: input.subject ?? inForce.subject,
    html: input.html ?? inForce.html,
    text: input.text ?? inForce.text,
  };
  rejectUnknownVariables(input.kind, body);
  return renderTemplate(body, { ...SAMPLE_VARS[input.locale], ...input.vars }, input.locale);
}
