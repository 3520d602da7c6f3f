import type { SurveyElementJson } from '../survey-definition/walk-questions';

// A CSV cell holds text; a stored answer holds what SurveyJS stores (a number for a rating, an array
// for a checkbox, ...). Reading a cell by its question's type lets a spreadsheet say `4`, `loan` or
// `counter; atm` — the same cells the response export writes — rather than JSON.

const NUMERIC_INPUT_TYPES = new Set(['number', 'range']);
const LIST_TYPES = new Set(['checkbox', 'tagbox', 'ranking']);
const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'imagepicker', 'buttongroup']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function choiceValues(question: SurveyElementJson): unknown[] {
  const choices = Array.isArray(question.choices) ? question.choices : [];
  return choices.map((choice: unknown) => (typeof choice === 'object' && choice !== null && 'value' in choice ? choice.value : choice));
}

/** A choice as its question stores it: a number when the question's choice with that text is a number. */
function choiceValue(question: SurveyElementJson, cell: string): unknown {
  if (NUMBER.test(cell) && choiceValues(question).includes(Number(cell))) return Number(cell);
  return cell;
}

/** JSON when the cell is JSON of the expected kind, else undefined. */
function jsonOf(cell: string, kind: 'array' | 'object'): unknown {
  if (!(kind === 'array' ? cell.startsWith('[') : cell.startsWith('{') || cell.startsWith('['))) return undefined;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The answer a CSV cell gives to `question`, or undefined for an empty cell (not answered). What
 * cannot be read as the question's kind is kept as text, so the answer validator names the problem.
 */
export function answerFromCell(question: SurveyElementJson, cell: string): unknown {
  if (cell === '') return undefined;
  const numeric = question.type === 'rating' || (question.type === 'text' && NUMERIC_INPUT_TYPES.has(String(question.inputType)));
  if (numeric) return NUMBER.test(cell) ? Number(cell) : cell;
  if (question.type === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  if (LIST_TYPES.has(question.type)) {
    const list = jsonOf(cell, 'array') ?? cell.split(';').map((item) => item.trim()).filter((item) => item !== '');
    return Array.isArray(list) ? list.map((item: unknown) => (typeof item === 'string' ? choiceValue(question, item) : item)) : list;
  }
  if (CHOICE_TYPES.has(question.type)) return choiceValue(question, cell);
  if (question.type === 'text' || question.type === 'comment') return cell;
  // Matrices, multiple text and the like are objects: the export writes them as JSON.
  return jsonOf(cell, 'object') ?? cell;
}
