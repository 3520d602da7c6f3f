import { bilingual } from '../survey-locale';
import { cesQuestion, commentQuestion } from './template-parts';
import { defineTemplate } from './survey-template';

const title = bilingual('Customer effort score (CES)', '客户费力度（CES）');
const description = bilingual(
  'How easy it was to get things done with this service, on a 1–7 agreement scale.',
  '以 1–7 分的同意程度，衡量通过本服务办成事情的难易程度。',
);

export const cesTemplate = defineTemplate('ces', title, description, [
  {
    name: 'effort',
    elements: [
      cesQuestion('ces'),
      commentQuestion(
        'ces_comment',
        bilingual('What, if anything, made this harder than it should have been?', '有哪些地方让事情变得比预想中更麻烦？'),
      ),
    ],
  },
]);
