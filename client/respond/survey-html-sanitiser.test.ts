import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { createSurveyModel } from './create-survey-model';
import { definitionCarriesHtml } from './survey-html-sanitiser';

const question = { type: 'text', name: 'name', title: 'Your name' };

describe('definitionCarriesHtml', () => {
  it('finds designer HTML wherever a definition holds it', () => {
    expect(definitionCarriesHtml({ pages: [{ name: 'p', elements: [{ type: 'html', name: 'h', html: '<b>hi</b>' }] }] })).toBe(true);
    const nested = { type: 'panel', name: 'box', elements: [{ type: 'paneldynamic', name: 'd', templateElements: [{ type: 'html', name: 'h', html: { default: 'x', 'zh-cn': 'y' } }] }] };
    expect(definitionCarriesHtml({ pages: [{ name: 'p', elements: [nested] }] })).toBe(true);
    expect(definitionCarriesHtml({ completedHtml: '<p>Thanks</p>', pages: [] })).toBe(true);
    expect(definitionCarriesHtml({ completedHtmlOnCondition: [{ expression: '{nps} > 8', html: '<p>Great</p>' }], pages: [] })).toBe(true);
    expect(definitionCarriesHtml({ loadingHtml: 'Loading', completedBeforeHtml: '', pages: [] })).toBe(true);
  });

  it('finds none in a survey of plain questions or an empty html question', () => {
    expect(definitionCarriesHtml({ title: 'Visit', pages: [{ name: 'p', elements: [question, { type: 'html', name: 'h', html: '' }] }] })).toBe(false);
    expect(definitionCarriesHtml({ pages: [{ name: 'p', elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }] })).toBe(false);
  });
});

describe('the survey model without designer HTML', () => {
  it('escapes answers filled into the HTML SurveyJS renders (its thank-you text)', async () => {
    const model = await createSurveyModel({ pages: [{ name: 'p', elements: [question] }] } as unknown as SurveyDefinition, 'en');
    model.setValue('name', '<img src=x onerror="alert(1)">');
    expect(model.processHtml('Thanks, {name}!', 'completed')).toBe('Thanks, &lt;img src=x onerror=&quot;alert(1)&quot;&gt;!');
    expect(model.processedCompletedHtml).toBe('Thank you for completing the survey');
  });
});
