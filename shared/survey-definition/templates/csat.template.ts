import { bilingual } from '../survey-locale';
import { commentQuestion, csatQuestion } from './template-parts';
import { defineTemplate } from './survey-template';

const title = bilingual('Customer satisfaction (CSAT)', '客户满意度（CSAT）');
const description = bilingual(
  'One satisfaction rating from 1 to 5, with room for a comment.',
  '一道 1–5 分的满意度评分题，并可留下意见。',
);

export const csatTemplate = defineTemplate('csat', title, description, [
  {
    name: 'satisfaction',
    elements: [
      csatQuestion('csat'),
      commentQuestion('csat_comment', bilingual('What could we do better?', '我们还有哪些地方可以做得更好？')),
    ],
  },
]);
