import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { checkDefinitionContract } from './definition-contract';
import { metricQuestions } from './metric-questions';
import { SERVQUAL_DIMENSIONS } from './metric-vocabulary';
import { registerTouchpointProperties } from './survey-properties';
import { SURVEY_LOCALE_BY_UI_LOCALE } from './survey-locale';
import type { UiLocale } from './survey-locale';
import { getTemplate, listTemplates, SURVEY_TEMPLATES, TEMPLATE_KEYS } from './templates';
import { allQuestions } from './walk-questions';

const templates = Object.values(SURVEY_TEMPLATES);

/** Every localizable string in a JSON tree, found as objects with a `default` key. */
function localizableStrings(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(localizableStrings);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if (typeof record.default === 'string') return [record];
  return Object.values(record).flatMap(localizableStrings);
}

describe('survey templates', () => {
  it('offers exactly the agreed keys', () => {
    expect(Object.keys(SURVEY_TEMPLATES)).toEqual([...TEMPLATE_KEYS]);
    for (const [key, template] of Object.entries(SURVEY_TEMPLATES)) expect(template.key).toBe(key);
  });

  it.each(templates.map((template) => [template.key, template] as const))('%s passes the question contract', (_key, template) => {
    expect(checkDefinitionContract(template.definition)).toEqual([]);
  });

  it.each(templates.map((template) => [template.key, template] as const))(
    '%s has English and Simplified Chinese text for every string and titles every question',
    (_key, template) => {
      const strings = localizableStrings(template);
      expect(strings.length).toBeGreaterThan(allQuestions(template.definition).length);
      for (const text of strings) {
        expect(Object.keys(text).sort()).toEqual(['default', 'zh-cn']);
        expect(String(text.default).trim()).not.toBe('');
        expect(String(text['zh-cn'])).toMatch(/\p{Script=Han}/u);
      }
      for (const question of allQuestions(template.definition)) {
        expect(question.title).toMatchObject({ default: expect.any(String), 'zh-cn': expect.any(String) });
      }
    },
  );

  it('renders each question in both languages through survey-core', () => {
    const model = new Model(getTemplate('follow-up'));
    const titles = (locale: UiLocale) => {
      model.locale = SURVEY_LOCALE_BY_UI_LOCALE[locale];
      return model.getAllQuestions().map((question) => question.locTitle.renderedHtml);
    };
    expect(titles('en')[1]).toBe('How likely are you to recommend this service to a friend or colleague?');
    expect(titles('zh-CN')[1]).toBe('您向朋友或同事推荐本服务的可能性有多大？');
  });

  it.each(templates.map((template) => [template.key, template] as const))(
    '%s keeps its Touchpoint properties through new Model(json).toJSON()',
    (_key, template) => {
      registerTouchpointProperties();
      const roundTripped = new Model(template.definition).toJSON();
      expect(metricQuestions(roundTripped)).toEqual(metricQuestions(template.definition));
      expect(checkDefinitionContract(roundTripped)).toEqual([]);
    },
  );

  it('hands out copies, so editing one does not change the template', () => {
    const copy = getTemplate('csat');
    copy.title = 'Changed';
    expect(getTemplate('csat').title).not.toBe('Changed');
  });

  it('lists templates with localized titles and question counts', () => {
    const english = listTemplates('en');
    const chinese = listTemplates('zh-CN');
    expect(english.map((summary) => summary.key)).toEqual([...TEMPLATE_KEYS]);
    expect(english.find((summary) => summary.key === 'servqual')).toMatchObject({ title: 'SERVQUAL service quality survey', questionCount: 44 });
    expect(chinese.find((summary) => summary.key === 'nps')).toMatchObject({ title: '净推荐值（NPS）', questionCount: 2 });
    for (const summary of [...english, ...chinese]) expect(summary.description).not.toBe('');
  });
});

describe('SERVQUAL template', () => {
  const questions = metricQuestions(getTemplate('servqual'));

  it('holds the 22 statements as expectation and perception pairs', () => {
    expect(questions).toHaveLength(44);
    const items = new Set(questions.map((question) => question.item));
    expect(items.size).toBe(22);
    for (const item of items) {
      const pair = questions.filter((question) => question.item === item);
      expect(pair.map((question) => question.side).sort()).toEqual(['expectation', 'perception']);
      expect(pair[0]?.dimension).toBe(pair[1]?.dimension);
    }
  });

  it('spreads the statements over the five dimensions as in Parasuraman et al. (1988)', () => {
    const perDimension = Object.fromEntries(
      SERVQUAL_DIMENSIONS.map((dimension) => [
        dimension,
        questions.filter((question) => question.dimension === dimension && question.side === 'perception').length,
      ]),
    );
    expect(perDimension).toEqual({ tangibles: 4, reliability: 5, responsiveness: 4, assurance: 4, empathy: 5 });
  });
});

describe('Kano and follow-up templates', () => {
  it('pairs every Kano feature', () => {
    const kano = metricQuestions(getTemplate('kano'));
    const features = new Set(kano.map((question) => question.feature));
    expect(kano).toHaveLength(features.size * 2);
    for (const feature of features) {
      expect(kano.filter((question) => question.feature === feature).map((question) => question.kanoSide)).toEqual([
        'functional',
        'dysfunctional',
      ]);
    }
  });

  it('asks CSAT, NPS, CES and a comment in the follow-up', () => {
    expect(metricQuestions(getTemplate('follow-up')).map((question) => question.metric)).toEqual(['csat', 'nps', 'ces', 'comment']);
  });
});
