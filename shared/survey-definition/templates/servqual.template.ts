import type { SurveyElement } from '../definition.schema';
import type { ServqualSide } from '../metric-vocabulary';
import { bilingual } from '../survey-locale';
import { SERVQUAL_STATEMENTS } from './servqual-statements';
import type { ServqualStatement } from './servqual-statements';
import { defineTemplate } from './survey-template';
import { AGREEMENT_SCALE } from './template-parts';

const title = bilingual('SERVQUAL service quality survey', 'SERVQUAL 服务质量调查');
const description = bilingual(
  'The 22 SERVQUAL statements (Parasuraman, Zeithaml & Berry, 1988) compare what customers expect with what they experience across tangibles, reliability, responsiveness, assurance and empathy.',
  'SERVQUAL 22 项量表（Parasuraman、Zeithaml 与 Berry，1988）从有形性、可靠性、响应性、保证性和移情性五个维度，比较客户的期望与实际感受。',
);

/** Item ids run per dimension (`tangibles-1` ... `empathy-5`) so they stay stable if statements are reordered. */
function itemIds(): string[] {
  const counts = new Map<string, number>();
  return SERVQUAL_STATEMENTS.map(({ dimension }) => {
    const next = (counts.get(dimension) ?? 0) + 1;
    counts.set(dimension, next);
    return `${dimension}-${next}`;
  });
}

function statementQuestion(statement: ServqualStatement, item: string, side: ServqualSide): SurveyElement {
  const wording = statement[side];
  return {
    type: 'rating',
    name: `${side}_${item.replace('-', '_')}`,
    metric: 'servqual',
    dimension: statement.dimension,
    servqual: side,
    item,
    title: bilingual(wording.en, wording.zh),
    ...AGREEMENT_SCALE,
    isRequired: true,
  };
}

const items = itemIds();
const questionsFor = (side: ServqualSide) =>
  SERVQUAL_STATEMENTS.map((statement, index) => statementQuestion(statement, items[index] ?? '', side));

export const servqualTemplate = defineTemplate('servqual', title, description, [
  {
    name: 'expectations',
    title: bilingual('What you expect', '您的期望'),
    description: bilingual(
      'Think of an excellent provider of this kind of service. How strongly do you agree that such a provider would have each feature below? 1 means strongly disagree, 7 means strongly agree.',
      '请设想一家提供此类服务的卓越机构。您在多大程度上认同这样的机构应当具备以下各项特征？1 表示非常不同意，7 表示非常同意。',
    ),
    elements: questionsFor('expectation'),
  },
  {
    name: 'perceptions',
    title: bilingual('What you experienced', '您的实际感受'),
    description: bilingual(
      'The statements below are about this service provider. How strongly do you agree with each? 1 means strongly disagree, 7 means strongly agree.',
      '以下陈述与本服务机构有关。您在多大程度上同意每一项？1 表示非常不同意，7 表示非常同意。',
    ),
    elements: questionsFor('perception'),
  },
]);
