import { describe, expect, it } from 'vitest';
import { checkDefinitionContract, contractedDefinitionSchema, DEFINITION_LIMITS } from './definition-contract';
import type { SurveyElement } from './definition.schema';
import { KANO_ANSWERS } from './metric-vocabulary';
import type { KanoSide } from './metric-vocabulary';

const survey = (...elements: SurveyElement[]) => ({ pages: [{ name: 'p1', elements }] });
const rating = (name: string, extra: Record<string, unknown> = {}): SurveyElement => ({ type: 'rating', name, ...extra });
const servqual = (name: string, side: string, item: string, dimension = 'tangibles'): SurveyElement =>
  rating(name, { metric: 'servqual', servqual: side, item, dimension, rateMax: 7 });
const kano = (name: string, side: KanoSide, feature: string, choices: unknown[] = [...KANO_ANSWERS]): SurveyElement => ({
  type: 'radiogroup',
  name,
  metric: 'kano',
  kano: side,
  feature,
  choices,
});
const summary = (definition: unknown) =>
  checkDefinitionContract(definition).map(({ question, code }) => ({ question, code }));

const valid = survey(
  rating('csat_1', { metric: 'csat' }),
  rating('nps_1', { metric: 'nps', rateMin: 0, rateMax: 10 }),
  rating('ces_1', { metric: 'ces', rateCount: 7, rateMin: 1 }),
  servqual('e_t1', 'expectation', 't1'),
  servqual('p_t1', 'perception', 't1'),
  kano('wifi_f', 'functional', 'wifi'),
  kano('wifi_d', 'dysfunctional', 'wifi', KANO_ANSWERS.map((value) => ({ value, text: { default: value, 'zh-cn': value } }))),
  { type: 'comment', name: 'why', metric: 'comment' },
  { type: 'text', name: 'note', metric: 'comment' },
  { type: 'panel', name: 'more', elements: [{ type: 'checkbox', name: 'extras', choices: ['a', 'b'] }] },
  { type: 'html', name: 'thanks', html: '<p>Thanks</p>' },
);

describe('checkDefinitionContract: valid definitions', () => {
  it('accepts every metric wired correctly, plus ordinary questions and panels', () => {
    expect(checkDefinitionContract(valid)).toEqual([]);
  });

  it('reads the scale the way survey-core does: explicit rateValues and rateCount both work', () => {
    const scales = survey(
      rating('csat_values', { metric: 'csat', rateValues: [1, 2, 3, 4, { value: 5, text: 'Great' }] }),
      rating('nps_count', { metric: 'nps', rateMin: 0, rateCount: 11 }),
      rating('ces_max', { metric: 'ces', rateMax: 7 }),
    );
    expect(checkDefinitionContract(scales)).toEqual([]);
  });

  it('accepts root-level elements without pages', () => {
    expect(checkDefinitionContract({ elements: [rating('c', { metric: 'csat' })] })).toEqual([]);
  });
});

describe('checkDefinitionContract: rating scales', () => {
  it('names the question and the scale it found for an NPS question scaled 1–5', () => {
    const [issue] = checkDefinitionContract(survey(rating('nps_1', { metric: 'nps' })));
    expect(issue).toEqual({
      question: 'nps_1',
      path: 'pages.0.elements.0',
      code: 'wrong-scale',
      message: 'Question "nps_1": an NPS question must be a rating from 0 to 10 (found 1–5)',
    });
  });

  it.each([
    ['csat', { rateMax: 7 }, 'found 1–7'],
    ['ces', {}, 'found 1–5'],
    ['servqual', { rateMax: 5 }, 'found 1–5'],
    ['csat', { rateValues: ['bad', 'ok', 'good'] }, 'found "bad", "ok", "good"'],
    ['csat', { rateMin: 1, rateMax: 9, rateStep: 2 }, 'found 1, 3, 5, 7, 9'],
    ['nps', { rateMin: 0, rateMax: 10, rateType: 'smileys' }, 'found 0–9'],
  ])('rejects a %s rating with %j', (metric, scale, found) => {
    const extra = metric === 'servqual' ? { dimension: 'empathy', servqual: 'expectation', item: 'x' } : {};
    const issues = checkDefinitionContract(survey(rating('q', { metric, ...extra, ...scale })));
    const scaleIssue = issues.find((issue) => issue.code === 'wrong-scale');
    expect(scaleIssue?.message).toContain(found);
  });
});

describe('checkDefinitionContract: metric on the wrong question', () => {
  it.each([
    [{ type: 'checkbox', name: 'q', metric: 'csat', choices: ['a'] }, 'a CSAT metric needs a rating question (found checkbox)'],
    [{ type: 'rating', name: 'q', metric: 'kano' }, 'a Kano metric needs a radiogroup question (found rating)'],
    [{ type: 'radiogroup', name: 'q', metric: 'comment', choices: ['a'] }, 'needs a comment or text question'],
    [{ type: 'text', name: 'q', metric: 'comment', inputType: 'number' }, 'needs free text, not inputType "number"'],
  ])('rejects %j', (element, text) => {
    const issues = checkDefinitionContract(survey(element as SurveyElement));
    expect(issues.map((issue) => issue.code)).toEqual(['metric-wrong-type']);
    expect(issues[0]?.message).toMatch(/^Question "q": /);
    expect(issues[0]?.message).toContain(text);
  });

  it('rejects an unknown metric value through the schema, naming the question', () => {
    expect(checkDefinitionContract(survey(rating('q', { metric: 'ratings' })))).toEqual([
      {
        question: 'q',
        path: 'pages.0.elements.0.metric',
        code: 'invalid-shape',
        message: 'Question "q": metric must be one of: csat, nps, ces, servqual, kano, comment',
      },
    ]);
  });
});

describe('checkDefinitionContract: SERVQUAL', () => {
  it('requires dimension, side and item', () => {
    const issues = checkDefinitionContract(survey(rating('q', { metric: 'servqual', rateMax: 7 })));
    expect(issues.map((issue) => issue.message)).toEqual([
      'Question "q": a SERVQUAL question needs "dimension" (tangibles, reliability, responsiveness, assurance, empathy)',
      'Question "q": a SERVQUAL question needs "servqual" (expectation, perception)',
      'Question "q": a SERVQUAL question needs "item"',
    ]);
  });

  it('rejects an invalid dimension value', () => {
    const issues = checkDefinitionContract(survey(servqual('q', 'perception', 't1', 'speed')));
    expect(issues[0]?.message).toBe(
      'Question "q": dimension must be one of: tangibles, reliability, responsiveness, assurance, empathy',
    );
  });

  it('rejects a perception item without its expectation twin', () => {
    expect(checkDefinitionContract(survey(servqual('p_t1', 'perception', 't1')))).toEqual([
      {
        question: 'p_t1',
        path: 'pages.0.elements.0',
        code: 'servqual-unpaired',
        message: 'Question "p_t1": SERVQUAL item "t1" has a perception question but no expectation question',
      },
    ]);
  });

  it('rejects a second question for the same item and side', () => {
    const definition = survey(servqual('e1', 'expectation', 't1'), servqual('p1', 'perception', 't1'), servqual('p2', 'perception', 't1'));
    expect(checkDefinitionContract(definition).map((issue) => issue.message)).toEqual([
      'Question "p2": SERVQUAL item "t1" already has a perception question ("p1")',
    ]);
  });

  it('rejects a pair whose dimensions disagree', () => {
    const definition = survey(servqual('e1', 'expectation', 't1', 'tangibles'), servqual('p1', 'perception', 't1', 'empathy'));
    expect(summary(definition)).toEqual([{ question: 'p1', code: 'servqual-dimension-mismatch' }]);
  });

  it('rejects SERVQUAL properties on a question of another metric', () => {
    const issues = checkDefinitionContract(survey(rating('c', { metric: 'csat', dimension: 'empathy' })));
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['stray-property', 'Question "c": "dimension" only applies to SERVQUAL questions (metric is csat)'],
    ]);
  });
});

describe('checkDefinitionContract: Kano', () => {
  it('rejects a feature with only one half', () => {
    expect(checkDefinitionContract(survey(kano('f1', 'functional', 'wifi'))).map((issue) => issue.message)).toEqual([
      'Question "f1": Kano feature "wifi" has a functional question but no dysfunctional question',
    ]);
  });

  it('rejects two functional questions for one feature', () => {
    const definition = survey(kano('f1', 'functional', 'wifi'), kano('f2', 'functional', 'wifi'), kano('d1', 'dysfunctional', 'wifi'));
    expect(summary(definition)).toEqual([{ question: 'f2', code: 'kano-duplicate' }]);
  });

  it('requires exactly the five Kano answers, without an Other item', () => {
    const wrong = kano('f1', 'functional', 'wifi', ['like', 'must-be', 'neutral', 'live-with', 'hate']);
    const withOther = { ...kano('d1', 'dysfunctional', 'wifi'), showOtherItem: true };
    const messages = checkDefinitionContract(survey(wrong, withOther)).map((issue) => issue.message);
    expect(messages).toEqual([
      'Question "f1": a Kano question must offer exactly the choices like, must-be, neutral, live-with, dislike (missing dislike; unexpected "hate")',
      'Question "d1": a Kano question must offer exactly the choices like, must-be, neutral, live-with, dislike (unexpected "other")',
    ]);
  });

  it('requires feature and side', () => {
    const issues = checkDefinitionContract(survey({ type: 'radiogroup', name: 'k', metric: 'kano', choices: [...KANO_ANSWERS] }));
    expect(issues.map((issue) => issue.code)).toEqual(['missing-property', 'missing-property']);
  });
});

describe('checkDefinitionContract: names, types and limits', () => {
  it('rejects duplicate question names, also across pages and panels', () => {
    const definition = {
      pages: [
        { elements: [{ type: 'text', name: 'q' }] },
        { elements: [{ type: 'panel', name: 'p', elements: [{ type: 'comment', name: 'q' }] }] },
      ],
    };
    expect(checkDefinitionContract(definition)).toEqual([
      {
        question: 'q',
        path: 'pages.1.elements.0.elements.0.name',
        code: 'duplicate-name',
        message: 'Question "q": the name is already used by the question at pages.0.elements.0',
      },
    ]);
  });

  it('checks each scale of same-named questions separately', () => {
    const definition = survey(rating('nps', { metric: 'nps', rateMin: 0, rateMax: 10 }), rating('nps', { metric: 'nps' }));
    expect(checkDefinitionContract(definition).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'pages.0.elements.1.name', code: 'duplicate-name' },
      { path: 'pages.0.elements.1', code: 'wrong-scale' },
    ]);
  });

  it.each(['$where', 'a.b', '__proto__', 'q-Comment', 'x'.repeat(DEFINITION_LIMITS.maxNameLength + 1)])(
    'rejects the unsafe question name %j',
    (name) => {
      expect(summary(survey({ type: 'text', name }))).toEqual([{ question: name, code: 'unsafe-name' }]);
    },
  );

  it('rejects question types whose answers are not top-level values', () => {
    const definition = survey(
      { type: 'matrix', name: 'grid' },
      { type: 'paneldynamic', name: 'people', templateElements: [{ type: 'text', name: 'person' }] },
    );
    expect(summary(definition)).toEqual([
      { question: 'people', code: 'unsupported-type' },
      { question: 'grid', code: 'unsupported-type' },
    ]);
  });

  it('rejects valueName, choicesByUrl and calculated values written into the answers', () => {
    const definition = {
      ...survey(
        { type: 'text', name: 'a', valueName: 'b' },
        { type: 'dropdown', name: 'c', choicesByUrl: { url: 'https://example.com' } },
      ),
      calculatedValues: [{ name: 'total', expression: '1', includeIntoResult: true }],
    };
    expect(summary(definition)).toEqual([
      { question: null, code: 'unsupported-property' },
      { question: 'a', code: 'unsupported-property' },
      { question: 'c', code: 'unsupported-property' },
    ]);
  });

  it('rejects elements without a name or type, and the legacy "questions" key', () => {
    expect(summary(survey({ type: 'text' } as SurveyElement))).toEqual([{ question: null, code: 'invalid-shape' }]);
    expect(summary({ questions: [{ type: 'text', name: 'a' }] })).toEqual([{ question: null, code: 'invalid-shape' }]);
  });

  it('rejects anything but a plain object', () => {
    for (const value of [null, [], 'survey', 42]) expect(summary(value)).toEqual([{ question: null, code: 'not-an-object' }]);
  });

  it('enforces the size, depth and question-count limits', () => {
    const big = survey({ type: 'html', name: 'h', html: 'x'.repeat(DEFINITION_LIMITS.maxBytes) });
    expect(summary(big)).toEqual([{ question: null, code: 'too-large' }]);

    let nested: SurveyElement = { type: 'text', name: 'deep' };
    for (let level = 0; level < DEFINITION_LIMITS.maxDepth + 1; level += 1) nested = { type: 'panel', name: `p${level}`, elements: [nested] };
    expect(summary(survey(nested))).toEqual([{ question: null, code: 'too-deep' }]);

    const many = Array.from({ length: DEFINITION_LIMITS.maxQuestions + 1 }, (_, index) => ({ type: 'text', name: `q${index}` }));
    expect(summary(survey(...many))).toEqual([{ question: null, code: 'too-many-questions' }]);
  });
});

describe('contractedDefinitionSchema', () => {
  it('passes a valid definition through unchanged', () => {
    expect(contractedDefinitionSchema.parse(valid)).toEqual(valid);
  });

  it('reports contract issues at the offending path', () => {
    const result = contractedDefinitionSchema.safeParse(survey(rating('nps_1', { metric: 'nps' })));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['pages', 0, 'elements', 0], message: 'Question "nps_1": an NPS question must be a rating from 0 to 10 (found 1–5)' },
    ]);
  });
});
