import { bilingual } from '../survey-locale';
import { commentQuestion, npsQuestion } from './template-parts';
import { defineTemplate } from './survey-template';

const title = bilingual('Net Promoter Score (NPS)', '净推荐值（NPS）');
const description = bilingual(
  'How likely customers are to recommend this service, from 0 to 10, and why.',
  '客户向他人推荐本服务的可能性（0–10 分）及其原因。',
);

export const npsTemplate = defineTemplate('nps', title, description, [
  {
    name: 'recommendation',
    elements: [
      npsQuestion('nps'),
      commentQuestion('nps_reason', bilingual('What is the main reason for your score?', '您给出这个分数的主要原因是什么？')),
    ],
  },
]);
