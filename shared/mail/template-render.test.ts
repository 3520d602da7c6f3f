import { describe, expect, it } from 'vitest';
import { renderTemplate, templateVariablesIn, unknownTemplateVariables } from './template-render';

const body = { subject: 'Hello {{name}}: {{surveyTitle}}', html: '<p>Dear {{ name }}, <a href="{{surveyLink}}">go</a></p>', text: 'Dear {{name}}, {{surveyLink}}' };

describe('renderTemplate', () => {
  it('escapes values in the HTML body and keeps them plain in the text body and subject', () => {
    const rendered = renderTemplate(body, { name: '<script>alert("x")</script>', surveyTitle: 'Q&A', surveyLink: 'https://x.test/s/a?t=1&u=2' }, 'en');
    expect(rendered.html).toBe('<p>Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, <a href="https://x.test/s/a?t=1&amp;u=2">go</a></p>');
    expect(rendered.text).toBe('Dear <script>alert("x")</script>, https://x.test/s/a?t=1&u=2');
    expect(rendered.subject).toBe('Hello <script>alert("x")</script>: Q&A');
  });

  it('greets a customer without a name politely, per language, and renders other missing values empty', () => {
    expect(renderTemplate(body, { name: null }, 'en')).toMatchObject({ subject: 'Hello customer:', text: 'Dear customer, ' });
    expect(renderTemplate({ subject: '{{name}}，您好', html: 'x', text: 'x' }, {}, 'zh-CN').subject).toBe('尊敬的客户，您好');
  });

  it('keeps a value on one line in the subject, a header', () => {
    expect(renderTemplate(body, { name: 'a\r\nBcc: evil@x.test', surveyTitle: 't' }, 'en').subject).toBe('Hello a Bcc: evil@x.test: t');
  });

  it('does not read inherited properties as values', () => {
    expect(renderTemplate({ subject: '{{constructor}}{{toString}}', html: 'x', text: 'x' }, {}, 'en').subject).toBe('');
  });
});

describe('template variables', () => {
  it('lists the placeholders used and those a kind does not offer', () => {
    expect(templateVariablesIn(body.html + body.subject)).toEqual(['name', 'surveyLink', 'surveyTitle']);
    expect(unknownTemplateVariables('invitation', { subject: '{{nmae}} {{name}}', text: '{{ responseLink }}', html: '{{bad name}}' })).toEqual([
      'nmae',
      'bad name',
      'responseLink',
    ]);
    expect(unknownTemplateVariables('follow-up-owner', { text: '{{responses}} {{more}}' })).toEqual([]);
  });
});
