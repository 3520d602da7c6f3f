import type { SurveyDefinition, SurveyElement } from '@shared/survey-definition/definition.schema';
import { metricQuestions } from '@shared/survey-definition/metric-questions';
import type { KanoSide, ServqualDimension, ServqualSide } from '@shared/survey-definition/metric-vocabulary';
import { bilingual } from '@shared/survey-definition/survey-locale';
import { cesQuestion, csatQuestion, commentQuestion, KANO_CHOICES, npsQuestion, STRONGLY_AGREE, STRONGLY_DISAGREE } from '@shared/survey-definition/templates/template-parts';
import { usedNames } from './draft-outline';

/** What the palette offers; metric entries carry their service-quality meaning, pairs add two questions. */
export const PALETTE_KINDS = ['nps', 'csat', 'ces', 'servqual', 'kano', 'comment', 'single', 'multiple', 'text'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

/** First free name of the form `base`, `base_2`, `base_3`, ... */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** First free pair id of the form `prefix-1`, `prefix-2`, ... */
function freePairId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

// Starting wording for new questions: survey content in both languages, which designers then rewrite.
const SERVQUAL_WORDING: Record<ServqualSide, ReturnType<typeof bilingual>> = {
  expectation: bilingual('An excellent provider of this service would …', '卓越的同类服务机构应当……'),
  perception: bilingual('This provider …', '本服务机构……'),
};
const KANO_WORDING: Record<KanoSide, ReturnType<typeof bilingual>> = {
  functional: bilingual('How would you feel if the service had this feature?', '如果本服务具备这项功能，您会有什么感受？'),
  dysfunctional: bilingual('How would you feel if the service did not have this feature?', '如果本服务不具备这项功能，您会有什么感受？'),
};

function choicesFor(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    value: `option${index + 1}`,
    text: bilingual(`Option ${index + 1}`, `选项 ${index + 1}`),
  }));
}

/**
 * The question(s) a palette entry adds, named so they do not clash with anything in `definition`.
 * A SERVQUAL statement adds its expectation and perception questions with a fresh item id; a Kano
 * feature adds its functional and dysfunctional questions.
 */
export function createPaletteQuestions(
  kind: PaletteKind,
  definition: SurveyDefinition,
  options: { dimension?: ServqualDimension } = {},
): SurveyElement[] {
  const taken = usedNames(definition);
  const name = (base: string) => {
    const chosen = freeName(base, taken);
    taken.add(chosen);
    return chosen;
  };
  switch (kind) {
    case 'nps':
      return [npsQuestion(name('nps'))];
    case 'csat':
      return [csatQuestion(name('csat'))];
    case 'ces':
      return [cesQuestion(name('ces'))];
    case 'comment':
      return [commentQuestion(name('comment'), bilingual('Is there anything else you would like to tell us?', '您还有什么想告诉我们的吗？'))];
    case 'single':
      return [{ type: 'radiogroup', name: name('choice'), title: bilingual('New single-choice question', '新的单选题'), choices: choicesFor(3) }];
    case 'multiple':
      return [{ type: 'checkbox', name: name('choices'), title: bilingual('New multiple-choice question', '新的多选题'), choices: choicesFor(3) }];
    case 'text':
      return [{ type: 'text', name: name('text'), title: bilingual('New text question', '新的填空题') }];
    case 'servqual': {
      const dimension = options.dimension ?? 'reliability';
      const items = new Set(metricQuestions(definition).flatMap((q) => (q.item ? [q.item] : [])));
      const item = freePairId(dimension, items);
      const side = (servqual: ServqualSide): SurveyElement => ({
        type: 'rating',
        name: name(`${servqual}_${item.replace(/-/g, '_')}`),
        metric: 'servqual',
        dimension,
        servqual,
        item,
        title: SERVQUAL_WORDING[servqual],
        rateMin: 1,
        rateMax: 7,
        minRateDescription: STRONGLY_DISAGREE,
        maxRateDescription: STRONGLY_AGREE,
        isRequired: true,
      });
      return [side('expectation'), side('perception')];
    }
    case 'kano': {
      const features = new Set(metricQuestions(definition).flatMap((q) => (q.feature ? [q.feature] : [])));
      const feature = freePairId('feature', features);
      const side = (kano: KanoSide): SurveyElement => ({
        type: 'radiogroup',
        name: name(`${feature.replace(/-/g, '_')}_${kano}`),
        metric: 'kano',
        feature,
        kano,
        title: KANO_WORDING[kano],
        choices: structuredClone(KANO_CHOICES),
        isRequired: true,
      });
      return [side('functional'), side('dysfunctional')];
    }
  }
}
