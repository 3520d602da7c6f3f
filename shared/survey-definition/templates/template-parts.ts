import { bilingual } from '../survey-locale';
import type { SurveyElement } from '../definition.schema';
import { KANO_ANSWERS } from '../metric-vocabulary';
import type { KanoAnswer } from '../metric-vocabulary';

type Bilingual = ReturnType<typeof bilingual>;

/** Building blocks shared by the templates, so one metric always reads the same way. */
export const STRONGLY_DISAGREE = bilingual('Strongly disagree', '非常不同意');
export const STRONGLY_AGREE = bilingual('Strongly agree', '非常同意');

/**
 * How every rating scale of the templates renders: always buttons, which SurveyJS wraps onto a second
 * row when the width runs out (its default "auto" turns a 0–10 or 1–7 scale into a "Select..." drop-down
 * on a phone: two taps and hidden choices), with the end labels above the buttons so they stay beside
 * the values they name however the row wraps.
 */
export const PHONE_SCALE = { displayMode: 'buttons', rateDescriptionLocation: 'top' } as const;

/** The 1–7 agreement scale CES and SERVQUAL statements share. */
export const AGREEMENT_SCALE = {
  rateMin: 1,
  rateMax: 7,
  minRateDescription: STRONGLY_DISAGREE,
  maxRateDescription: STRONGLY_AGREE,
  ...PHONE_SCALE,
} as const;

export function csatQuestion(name: string): SurveyElement {
  return {
    type: 'rating',
    name,
    metric: 'csat',
    title: bilingual('Overall, how satisfied are you with this service?', '总体而言，您对本服务的满意程度如何？'),
    rateMin: 1,
    rateMax: 5,
    minRateDescription: bilingual('Very dissatisfied', '非常不满意'),
    maxRateDescription: bilingual('Very satisfied', '非常满意'),
    ...PHONE_SCALE,
    isRequired: true,
  };
}

export function npsQuestion(name: string): SurveyElement {
  return {
    type: 'rating',
    name,
    metric: 'nps',
    title: bilingual(
      'How likely are you to recommend this service to a friend or colleague?',
      '您向朋友或同事推荐本服务的可能性有多大？',
    ),
    rateMin: 0,
    rateMax: 10,
    minRateDescription: bilingual('Not at all likely', '完全不可能'),
    maxRateDescription: bilingual('Extremely likely', '极有可能'),
    ...PHONE_SCALE,
    isRequired: true,
  };
}

export function cesQuestion(name: string): SurveyElement {
  return {
    type: 'rating',
    name,
    metric: 'ces',
    title: bilingual('This service made it easy for me to get what I needed.', '本服务让我轻松地办成了所需的事情。'),
    description: bilingual('How much do you agree with this statement?', '您在多大程度上同意这一说法？'),
    ...AGREEMENT_SCALE,
    isRequired: true,
  };
}

export function commentQuestion(name: string, title: Bilingual): SurveyElement {
  return { type: 'comment', name, metric: 'comment', title, maxLength: 2000 };
}

const KANO_ANSWER_TEXT: Record<KanoAnswer, Bilingual> = {
  like: bilingual('I like it that way', '我喜欢这样'),
  'must-be': bilingual('It must be that way', '理应如此'),
  neutral: bilingual('I am neutral', '无所谓'),
  'live-with': bilingual('I can live with it that way', '可以忍受'),
  dislike: bilingual('I dislike it that way', '我不喜欢这样'),
};

export const KANO_CHOICES = KANO_ANSWERS.map((value) => ({ value, text: KANO_ANSWER_TEXT[value] }));
