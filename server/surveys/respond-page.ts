import fs from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { EMBEDDED_SURVEY_ID, type PublicSurvey } from '@shared/surveys/public-survey.schema';
import { publicSlugParamsSchema } from '@shared/surveys/survey-api.schema';
import { cachedOpenSurvey, cachedPublishedDefinition } from './survey-cache';

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close or bend it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Serves the respondent page for `/s/:slug` with the published survey embedded as a JSON data block,
 * so the first question renders without a second round trip for the definition (the page falls back
 * to fetching it when the block is absent, e.g. for a closed survey, which then shows "not found").
 */
/**
 * The page with the survey's JSON block before `</head>`. A replacer function, not a replacement string:
 * in a string, `$&`, `$\`` and `$'` in a designer's title would splice parts of the page into the JSON.
 */
export function embedSurvey(html: string, survey: PublicSurvey): string {
  return html.replace('</head>', () => `<script id="${EMBEDDED_SURVEY_ID}" type="application/json">${scriptSafeJson(survey)}</script></head>`);
}

export function respondPageHandler(clientDist: string): RequestHandler {
  let template: Promise<string> | null = null;
  return async (req, res) => {
    template ??= fs.readFile(path.join(clientDist, 'respond.html'), 'utf8');
    let html = await template;
    const params = publicSlugParamsSchema.safeParse(req.params);
    const open = params.success ? await cachedOpenSurvey(params.data.slug) : null;
    const definition = open ? await cachedPublishedDefinition(open.surveyId, open.latestVersion) : null;
    if (params.success && open && definition) {
      const survey: PublicSurvey = { slug: params.data.slug, version: open.latestVersion, definition };
      html = embedSurvey(html, survey);
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
}
