import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyLinkSchema, type SurveyLink } from '@shared/channels/channel.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { qrSvg } from '../../server/channels/qr-code';
import { ShortLinkModel } from '../../server/channels/short-link.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'counter', name: 'Counter' } })).status).toBe(201);
});
afterAll(async () => {
  await tp?.stop();
});

async function linkOf(surveyId: string, query = ''): Promise<SurveyLink> {
  const reply = await tp.request(`/api/surveys/${surveyId}/link${query}`, { cookie: admin });
  expect(reply.status, reply.text).toBe(200);
  return surveyLinkSchema.parse(reply.body);
}

/** The short link followed by hand, as a phone's browser does before loading the page: no cookie. */
const follow = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

/** Side length in modules of a QR code's SVG (its viewBox, quiet zone included). */
const svgModules = (svg: string) => Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);

describe('short links', () => {
  it('gives one survey and its tags one code, the same on every request, even on racing first requests', async () => {
    const survey = await publishSurvey(tp, admin);
    const racing = await Promise.all(Array.from({ length: 6 }, () => linkOf(survey.id, '?touchpoint=counter&channel=on-site')));
    const shortUrl = racing[0]!.shortUrl;
    expect(shortUrl).toMatch(new RegExp(`^${tp.url}/q/[0-9A-Za-z]{10}$`));
    expect(racing.map((link) => link.shortUrl)).toEqual(racing.map(() => shortUrl));
    expect((await linkOf(survey.id, '?channel=on-site&touchpoint=counter')).shortUrl).toBe(shortUrl);
    expect(await ShortLinkModel.countDocuments({ surveyId: survey.id })).toBe(1);

    const others = [await linkOf(survey.id, '?touchpoint=counter&channel=online'), await linkOf(survey.id, '?channel=on-site'), await linkOf(survey.id)];
    expect(new Set([shortUrl, ...others.map((link) => link.shortUrl)]).size).toBe(4);
    const elsewhere = await publishSurvey(tp, admin);
    expect((await linkOf(elsewhere.id, '?touchpoint=counter&channel=on-site')).shortUrl).not.toBe(shortUrl);
  });

  it('sends a scan without login to the signed link, whose tags a submission then carries', async () => {
    const survey = await publishSurvey(tp, admin);
    const link = await linkOf(survey.id, '?touchpoint=counter&channel=on-site');
    const hop = await follow(link.shortUrl);
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe(link.url);
    // Never cached: the target is signed afresh on every scan.
    expect(hop.headers.get('cache-control')).toBe('no-store');

    const landed = new URL(hop.headers.get('location')!);
    expect(landed.pathname).toBe(`/s/${survey.slug}`);
    const tags = { touchpoint: landed.searchParams.get('tp'), channel: landed.searchParams.get('ch'), sig: landed.searchParams.get('sig') };
    const stored = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, tags), csrf: false });
    expect(stored.status, stored.text).toBe(201);
    expect(await ResponseModel.findById((stored.body as { id: string }).id).lean()).toMatchObject({ touchpoint: 'counter', channel: 'on-site' });
  });

  it('answers an unknown or malformed code with a 404: a small page for a browser, problem+json otherwise', async () => {
    for (const code of ['ZZZZZZZZZZ', 'short', 'has-dashes_', '%00']) {
      const problem = await follow(`${tp.url}/q/${code}`);
      expect(problem.status).toBe(404);
      expect(problem.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await problem.json()) as Problem).detail).toBe('There is no survey behind this short link.');
    }
    const page = await follow(`${tp.url}/q/ZZZZZZZZZZ`, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<h1>Survey not found</h1>');
  });

  it('puts the short link in the QR codes, which then need fewer modules than the signed link', async () => {
    const survey = await publishSurvey(tp, admin);
    const link = await linkOf(survey.id, '?touchpoint=counter&channel=on-site');
    const svg = await tp.request(`/api/surveys/${survey.id}/qr.svg?touchpoint=counter&channel=on-site`, { cookie: admin });
    expect(svg.text).toBe(await qrSvg(link.shortUrl));
    expect(svgModules(svg.text)).toBeLessThan(svgModules(await qrSvg(link.url)));
  });
});
