import { escapeHtml } from '@shared/html/escape-html';

/** Turns HTML from a survey into HTML safe to put in the page. */
export type HtmlSanitiser = (html: string) => string;

/** Definition keys holding designer HTML: `html` (html questions), completedHtml, completedBeforeHtml, loadingHtml, completedHtmlOnCondition. */
const HTML_KEY = /html/i;

/** True when a definition (any depth: panels, pages, localised variants) holds designer HTML. */
export function definitionCarriesHtml(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(definitionCarriesHtml);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => (HTML_KEY.test(key) && inner !== '' && inner != null) || definitionCarriesHtml(inner));
}

/**
 * The sanitiser for a definition. DOMPurify (~8 KiB gzip) is fetched only for surveys that carry
 * HTML; for the others the only HTML SurveyJS renders is its own message text (the default thank-you
 * line) with answers filled in, which is escaped as plain text.
 */
export async function loadHtmlSanitiser(definition: unknown): Promise<HtmlSanitiser> {
  if (!definitionCarriesHtml(definition)) return escapeHtml;
  const { default: DOMPurify } = await import('dompurify');
  // HTML only: designers format text; SVG and MathML only widen what a sanitiser must get right.
  return (html) => DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
