import { describe, expect, it } from 'vitest';
import { SEND_KINDS } from '@shared/mail/send-log.schema';
import { templateVariablesIn, unknownTemplateVariables } from '@shared/mail/template-render';
import { TEMPLATE_LOCALES, TEMPLATE_VARIABLES } from '@shared/mail/template.schema';
import { DEFAULT_TEMPLATES, SAMPLE_VARS } from './templates-defaults';

const CUSTOMER_KINDS = ['invitation', 'reminder', 'follow-up-ack'] as const;

describe('built-in email templates', () => {
  it('use only the variables their kind offers, and previews have a sample for each', () => {
    for (const kind of SEND_KINDS) {
      for (const locale of TEMPLATE_LOCALES) {
        const body = DEFAULT_TEMPLATES[kind][locale];
        expect(unknownTemplateVariables(kind, body), `${kind}/${locale}`).toEqual([]);
        for (const name of TEMPLATE_VARIABLES[kind]) expect(SAMPLE_VARS[locale][name], `${locale} sample ${name}`).toBeDefined();
      }
    }
  });

  it('give every customer email an unsubscribe link in both bodies, and invitations the survey link', () => {
    for (const kind of CUSTOMER_KINDS) {
      for (const locale of TEMPLATE_LOCALES) {
        const { html, text } = DEFAULT_TEMPLATES[kind][locale];
        expect(templateVariablesIn(html), `${kind}/${locale} html`).toContain('unsubscribeLink');
        expect(templateVariablesIn(text), `${kind}/${locale} text`).toContain('unsubscribeLink');
        if (kind !== 'follow-up-ack') expect(templateVariablesIn(html + text)).toContain('surveyLink');
      }
    }
  });

  it('are written in Chinese for zh-CN and in English for en, using the same variables in both', () => {
    for (const kind of SEND_KINDS) {
      const zh = DEFAULT_TEMPLATES[kind]['zh-CN'];
      const en = DEFAULT_TEMPLATES[kind].en;
      expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
      expect(en.subject + en.text).not.toMatch(/[\u4e00-\u9fff]/);
      expect(new Set(templateVariablesIn(zh.html + zh.text + zh.subject))).toEqual(new Set(templateVariablesIn(en.html + en.text + en.subject)));
    }
  });
});
