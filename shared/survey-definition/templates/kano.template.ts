import type { SurveyElement } from '../definition.schema';
import type { KanoSide } from '../metric-vocabulary';
import { bilingual } from '../survey-locale';
import { defineTemplate } from './survey-template';
import { KANO_CHOICES } from './template-parts';

const title = bilingual('Kano feature survey', 'Kano 功能需求调查');
const description = bilingual(
  'Paired questions on how customers would feel with and without each feature, to sort features into must-be, performance, attractive and indifferent.',
  '针对每项功能，分别询问客户“有”和“没有”时的感受，从而将功能归为必备型、期望型、魅力型或无差异型。',
);

interface Feature {
  id: string;
  functional: [en: string, zh: string];
  dysfunctional: [en: string, zh: string];
}

/** Example features any service can start from; teams replace them with their own. */
const FEATURES: Feature[] = [
  {
    id: 'online-booking',
    functional: ['How would you feel if you could book this service online?', '如果可以在线预约本服务，您会有什么感受？'],
    dysfunctional: ['How would you feel if you could not book this service online?', '如果无法在线预约本服务，您会有什么感受？'],
  },
  {
    id: 'progress-updates',
    functional: [
      'How would you feel if this service kept you updated on progress by text message?',
      '如果本服务通过短信告知您办理进度，您会有什么感受？',
    ],
    dysfunctional: [
      'How would you feel if this service did not keep you updated on progress by text message?',
      '如果本服务不通过短信告知您办理进度，您会有什么感受？',
    ],
  },
  {
    id: 'dedicated-contact',
    functional: [
      'How would you feel if you had one dedicated contact person for this service?',
      '如果本服务为您安排一位专属对接人，您会有什么感受？',
    ],
    dysfunctional: [
      'How would you feel if you had no dedicated contact person for this service?',
      '如果本服务没有为您安排专属对接人，您会有什么感受？',
    ],
  },
];

function kanoQuestion(feature: Feature, side: KanoSide): SurveyElement {
  const [en, zh] = feature[side];
  return {
    type: 'radiogroup',
    name: `${feature.id.replace(/-/g, '_')}_${side}`,
    metric: 'kano',
    feature: feature.id,
    kano: side,
    title: bilingual(en, zh),
    choices: KANO_CHOICES,
    // Each answer is a sentence: one column keeps every choice a full-width, one-tap row on a phone.
    colCount: 1,
    isRequired: true,
  };
}

export const kanoTemplate = defineTemplate('kano', title, description, [
  {
    name: 'features',
    elements: FEATURES.flatMap((feature) => [kanoQuestion(feature, 'functional'), kanoQuestion(feature, 'dysfunctional')]),
  },
]);
