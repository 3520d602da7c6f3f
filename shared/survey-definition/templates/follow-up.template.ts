import { bilingual } from '../survey-locale';
import { cesQuestion, commentQuestion, csatQuestion, npsQuestion } from './template-parts';
import { defineTemplate } from './survey-template';

const title = bilingual('Follow-up: how are we doing?', '回访：我们做得怎么样？');
const description = bilingual(
  'A short periodic check-in on your experience with this service. It takes about a minute.',
  '定期了解您对本服务体验的简短回访，大约需要一分钟。',
);

export const followUpTemplate = defineTemplate('follow-up', title, description, [
  {
    name: 'follow-up',
    elements: [
      csatQuestion('csat'),
      npsQuestion('nps'),
      cesQuestion('ces'),
      commentQuestion('comment', bilingual('Is there anything else you would like to tell us?', '您还有其他想告诉我们的吗？')),
    ],
  },
]);
