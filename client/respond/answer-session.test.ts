import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '@shared/survey-definition/answer-validation';
import { newDraft } from './answer-draft';
import { carryOverAnswers, submissionBody } from './answer-session';

const definition = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'rating', name: 'score', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'comment', name: 'why', visibleIf: '{score} < 3' },
      ],
    },
  ],
};

describe('carryOverAnswers', () => {
  it('keeps answers the current version accepts and drops the rest', () => {
    const model = new Model(definition);
    expect(carryOverAnswers(validateAnswers, model, definition, { score: 2, why: 'slow', gone: 'x', colour: 'red' })).toEqual({ score: 2, why: 'slow' });
    expect(carryOverAnswers(validateAnswers, model, definition, { score: 9, why: 'slow' })).toEqual({});
  });
});

describe('submissionBody', () => {
  it('sends cleaned answers, the version rendered, the session id, fill time and link tags', () => {
    const model = new Model(definition);
    model.data = { score: 4, why: 'left over from an earlier choice' };
    const draft = { ...newDraft(3, 10_000) };
    const body = submissionBody(validateAnswers, model, { slug: 's', version: 3, definition }, draft, {
      link: { token: 't'.repeat(43), touchpoint: 'branch', channel: 'app', sig: 's'.repeat(22) },
      locale: 'zh-CN',
      honeypot: '',
      now: 25_000,
    });
    expect(body).toEqual({
      version: 3,
      answers: { score: 4 },
      submissionId: draft.submissionId,
      elapsedMs: 15_000,
      locale: 'zh-CN',
      token: 't'.repeat(43),
      touchpoint: 'branch',
      channel: 'app',
      sig: 's'.repeat(22),
    });
    expect(submissionBody(validateAnswers, model, { slug: 's', version: 3, definition }, draft, { link: {}, locale: 'en', honeypot: 'spam', now: 0 })).toMatchObject({
      elapsedMs: 0,
      website: 'spam',
    });
  });
});
