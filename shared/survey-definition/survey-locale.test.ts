import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { bilingual, localizedText, SURVEY_LOCALE_BY_UI_LOCALE } from './survey-locale';

describe('survey locales', () => {
  it('maps UI locales to the codes survey-core uses', () => {
    expect(SURVEY_LOCALE_BY_UI_LOCALE).toEqual({ en: 'en', 'zh-CN': 'zh-cn' });
  });

  it('resolves localizable text like SurveyJS does, falling back to default', () => {
    const text = bilingual('Thank you', '谢谢');
    expect(localizedText(text, 'en')).toBe('Thank you');
    expect(localizedText(text, 'zh-CN')).toBe('谢谢');
    expect(localizedText({ default: 'Only English' }, 'zh-CN')).toBe('Only English');
    expect(localizedText('plain', 'zh-CN')).toBe('plain');

    const model = new Model({ elements: [{ type: 'text', name: 'q', title: text }] });
    for (const locale of ['en', 'zh-CN'] as const) {
      model.locale = SURVEY_LOCALE_BY_UI_LOCALE[locale];
      expect(model.getQuestionByName('q').locTitle.renderedHtml).toBe(localizedText(text, locale));
    }
  });
});
