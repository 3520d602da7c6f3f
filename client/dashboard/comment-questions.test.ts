import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '@shared/responses/response-list.schema';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { commentQuestions, commentsOf } from './comment-questions';

const definition: SurveyDefinition = {
  pages: [
    {
      elements: [
        { type: 'rating', name: 'recommend', metric: 'nps' },
        { type: 'comment', name: 'remarks', title: { default: 'Anything else?', 'zh-cn': '还有其他意见吗？' } },
        { type: 'text', name: 'visits', inputType: 'number' },
        { type: 'panel', name: 'more', elements: [{ type: 'text', name: 'improve', title: 'What should we improve?' }] },
      ],
    },
  ],
};

const response = (id: string, answers: Record<string, unknown>): StoredResponse => ({
  id,
  surveyId: 's',
  version: 1,
  answers,
  metrics: { nps: 3 },
  touchpoint: 'branch',
  channel: 'phone',
  contactId: null,
  distributionId: null,
  locale: 'en',
  userAgent: null,
  flags: [],
  elapsedMs: null,
  submittedAt: '2025-03-01T10:00:00.000Z',
  followUp: null,
});

describe('comments on the dashboard', () => {
  it('finds the free-text questions, inside panels too, titled in the staff language', () => {
    expect(commentQuestions(definition, 'zh-CN')).toEqual([
      { name: 'remarks', title: '还有其他意见吗？' },
      { name: 'improve', title: 'What should we improve?' },
    ]);
  });

  it('keeps only answered text, trimmed', () => {
    const questions = commentQuestions(definition, 'en');
    const comments = commentsOf([response('a', { remarks: '  Slow queue ', improve: '' }), response('b', { recommend: 9 }), response('c', { improve: 'Parking' })], questions);
    expect(comments.map((comment) => [comment.responseId, comment.question.name, comment.text])).toEqual([
      ['a', 'remarks', 'Slow queue'],
      ['c', 'improve', 'Parking'],
    ]);
  });
});
