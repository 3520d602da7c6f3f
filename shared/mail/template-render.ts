import { escapeHtml } from '../html/escape-html';
import type { SendKind } from './send-log.schema';
import { TEMPLATE_VARIABLES, type EmailTemplateBody, type RenderedEmail, type TemplateLocale, type TemplateVars } from './template.schema';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** How a customer is greeted when we do not know their name ("Dear customer", "尊敬的客户，您好"). */
export const GENERIC_NAME: Record<TemplateLocale, string> = { en: 'customer', 'zh-CN': '尊敬的客户' };

/** Every placeholder name a text uses, in order of first use. */
export function templateVariablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Placeholders in a template that its kind does not offer (empty when the template is fine). */
export function unknownTemplateVariables(kind: SendKind, body: Partial<EmailTemplateBody>): string[] {
  const known = new Set(TEMPLATE_VARIABLES[kind]);
  const used = templateVariablesIn([body.subject ?? '', body.html ?? '', body.text ?? ''].join('\n'));
  return used.filter((name) => !known.has(name));
}

function valueOf(name: string, vars: TemplateVars, locale: TemplateLocale): string {
  const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
  if (value === null || value === undefined || value === '') return name === 'name' ? GENERIC_NAME[locale] : '';
  return String(value);
}

function fill(text: string, lookup: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => lookup(name));
}

/**
 * Fills a template: values are HTML-escaped in the HTML body, plain in the text body, and kept on one
 * line in the subject (a header). Unknown or missing values render empty.
 */
export function renderTemplate(body: EmailTemplateBody, vars: TemplateVars, locale: TemplateLocale): RenderedEmail {
  const plain = (name: string) => valueOf(name, vars, locale);
  return {
    subject: fill(body.subject, (name) => plain(name).replace(/[\r\n]+/g, ' ')).trim(),
    html: fill(body.html, (name) => escapeHtml(plain(name))),
    text: fill(body.text, plain),
  };
}
