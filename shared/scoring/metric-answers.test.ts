import { describe, expect, it } from 'vitest';
import type { SurveyDefinitionJson } from '../survey-definition/walk-questions';
import { extractMetricAnswers } from './metric-answers';

const definition: SurveyDefinitionJson = {
  pages: [
    {
      elements: [
        { type: 'rating', name: 'sat', metric: 'csat' },
        { type: 'rating', name: 'sat2', metric: 'csat' },
        { type: 'rating', name: 'recommend', metric: 'nps' },
        { type: 'rating', name: 'effort', metric: 'ces' },
        { type: 'comment', name: 'why', metric: 'comment' },
        { type: 'text', name: 'plain' },
        {
          type: 'panel',
          name: 'sq',
          elements: [
            { type: 'rating', name: 'e1', metric: 'servqual', dimension: 'tangibles', servqual: 'expectation', item: 't1' },
            { type: 'rating', name: 'p1', metric: 'servqual', dimension: 'tangibles', servqual: 'perception', item: 't1' },
            { type: 'rating', name: 'e2', metric: 'servqual', dimension: 'empathy', servqual: 'expectation', item: 'm1' },
            { type: 'rating', name: 'x1', metric: 'servqual', dimension: 'empathy', servqual: 'expectation', item: 'bad' },
            { type: 'rating', name: 'x2', metric: 'servqual', dimension: 'assurance', servqual: 'perception', item: 'bad' },
          ],
        },
      ],
    },
    {
      elements: [
        { type: 'radiogroup', name: 'kf', metric: 'kano', feature: 'live.chat', kano: 'functional' },
        { type: 'radiogroup', name: 'kd', metric: 'kano', feature: 'live.chat', kano: 'dysfunctional' },
        { type: 'radiogroup', name: 'kd2', metric: 'kano', feature: 'live.chat', kano: 'dysfunctional' },
        { type: 'radiogroup', name: 'kx', metric: 'kano', feature: 'other', kano: 'functional' },
        { type: 'rating', name: 'noMetric', metric: 'happiness' },
      ],
    },
  ],
};

describe('extractMetricAnswers', () => {
  it('collects every metric answer in page order', () => {
    const answers = extractMetricAnswers(definition, {
      sat: 4,
      sat2: '5',
      recommend: 9,
      effort: 6,
      why: 'slow',
      e1: 6,
      p1: 5,
      e2: 7,
      x1: 3,
      x2: 4,
      kf: 'like',
      kd: 'dislike',
      kd2: 'neutral',
      kx: 'must-be',
      noMetric: 3,
    });
    expect(answers).toEqual({
      csat: [4, 5],
      nps: [9],
      ces: [6],
      servqual: [
        { item: 't1', dimension: 'tangibles', expectation: 6, perception: 5 },
        { item: 'm1', dimension: 'empathy', expectation: 7 },
      ],
      kano: [
        { feature: 'live.chat', functional: 'like', dysfunctional: 'dislike' },
        { feature: 'other', functional: 'must-be' },
      ],
    });
  });

  it('skips junk: out of scale, fractional, wrong type, unknown Kano values', () => {
    const answers = extractMetricAnswers(definition, {
      sat: 6,
      sat2: 4.5,
      recommend: '10',
      effort: 0,
      e1: 'seven',
      p1: 8,
      e2: null,
      kf: 'love',
      kd: 3,
    });
    expect(answers).toEqual({ csat: [], nps: [10], ces: [], servqual: [], kano: [] });
  });

  it('reads nothing from an empty response or a definition without metrics', () => {
    expect(extractMetricAnswers(definition, {})).toEqual({ csat: [], nps: [], ces: [], servqual: [], kano: [] });
    expect(extractMetricAnswers({ elements: [{ type: 'text', name: 'a' }] }, { a: 5 }).csat).toEqual([]);
  });

  it('does not read inherited properties as answers', () => {
    const proto = { sat: 5 };
    const answers = extractMetricAnswers(definition, Object.create(proto) as Record<string, unknown>);
    expect(answers.csat).toEqual([]);
  });
});
