import { ANSWER_QUESTION_TYPES, DISPLAY_QUESTION_TYPES } from './definition-contract';
import type { SurveyDefinition } from './definition.schema';

/**
 * How much of one validation may be carried over to the next for a definition:
 * - `fresh`: nothing; survey-core state depends on the order values arrive in, so each call builds its own model.
 * - `reuse`: the model, because assigning `model.data` leaves it in the same state whatever it held before.
 * - `memo`: also each question's verdict on its own value, because no answer can change another question's
 *   visibility, choices, required-ness or error text.
 */
export type ReuseLevel = 'fresh' | 'reuse' | 'memo';

const ELEMENT_TYPES = new Set<string>([...ANSWER_QUESTION_TYPES, ...DISPLAY_QUESTION_TYPES, 'panel']);
const VALIDATOR_TYPES = new Set(['numeric', 'text', 'answercount', 'regex', 'email']);

/**
 * Properties that make survey-core's state depend on history rather than on the current data: default values are
 * filled in when a question becomes visible, `onHidden` clears a value when its question hides, triggers and
 * set-value rules write values when others change, and `valueName` lets questions share a value.
 */
const HISTORY_KEYS = new Set([
  'defaultValue',
  'defaultValueExpression',
  'setValueExpression',
  'setValueIf',
  'resetValueIf',
  'triggers',
  'defaultRowValue',
  'defaultPanelValue',
  'valueName',
  'choicesByUrl',
]);
const CLEAR_ON_HIDDEN = new Set(['onHidden', 'onHiddenContainer']);

/** Properties that let one answer sway another question: conditions, expressions (validators too), copied choices. */
const LINK_KEYS = new Set(['choicesFromQuestion', 'calculatedValues', 'expression']);
const isLinkKey = (key: string): boolean => LINK_KEYS.has(key) || key.endsWith('If') || key.endsWith('Expression');

/** Texts shown to respondents but never part of a validation result, so `{placeholders}` in them are harmless. */
const DISPLAY_TEXT_KEYS = new Set(['title', 'description', 'html', 'placeholder', 'minRateDescription', 'maxRateDescription']);

/** Decides from the definition JSON alone, erring towards less reuse for anything it does not recognise. */
export function reuseLevel(definition: SurveyDefinition): ReuseLevel {
  let level: ReuseLevel = 'memo';
  const visit = (value: unknown, key: string, inDisplayText: boolean): void => {
    if (level === 'fresh') return;
    if (typeof value === 'string') {
      // Error texts may carry `{name}` placeholders filled from other answers.
      if (value.includes('{') && !inDisplayText) level = 'reuse';
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key, inDisplayText);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string' && !isKnownType(key, record.type)) level = 'fresh';
    for (const [childKey, child] of Object.entries(record)) {
      if (HISTORY_KEYS.has(childKey)) level = 'fresh';
      else if ((childKey === 'clearInvisibleValues' || childKey === 'clearIfInvisible') && CLEAR_ON_HIDDEN.has(String(child))) level = 'fresh';
      else if (isLinkKey(childKey) && level === 'memo') level = 'reuse';
      visit(child, childKey, inDisplayText || DISPLAY_TEXT_KEYS.has(childKey));
    }
  };
  visit(definition, '', false);
  return level;
}

function isKnownType(key: string, type: string): boolean {
  return key === 'validators' ? VALIDATOR_TYPES.has(type) || type === 'expression' : ELEMENT_TYPES.has(type);
}
