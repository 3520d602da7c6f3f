import { describe, expect, it } from 'vitest';
import { EMBEDDED_SURVEY_ID, type PublicSurvey } from '@shared/surveys/public-survey.schema';
import { embedSurvey } from './respond-page';

const PAGE = '<!doctype html><html><head><title>Survey</title></head><body><div id="root"></div></body></html>';

describe('embedSurvey', () => {
  it.each(['Price in $` dollars', 'Cost $& more', "What's $' next", 'Plain $$ title'])('embeds the title %j verbatim', (title) => {
    const survey = { slug: 'visit', version: 1, definition: { title, pages: [{ name: 'p', elements: [] }] } } as unknown as PublicSurvey;
    const html = embedSurvey(PAGE, survey);
    const block = new RegExp(`<script id="${EMBEDDED_SURVEY_ID}" type="application/json">(.*)</script></head><body>`).exec(html);
    expect(block).not.toBeNull();
    expect(JSON.parse((block as RegExpExecArray)[1] as string)).toEqual(survey);
    expect(html.endsWith('<body><div id="root"></div></body></html>')).toBe(true);
  });
});
