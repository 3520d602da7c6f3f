/** "Show if <question> <operator> <value>" conditions, written as SurveyJS `visibleIf` expressions. */

export const SHOW_IF_OPERATORS = ['equal', 'notequal', 'greater', 'less', 'contains', 'notempty', 'empty'] as const;
export type ShowIfOperator = (typeof SHOW_IF_OPERATORS)[number];

export interface ShowIfCondition {
  question: string;
  operator: ShowIfOperator;
  /** Ignored by `notempty` and `empty`. */
  value: string;
}

const SYMBOLS: Record<ShowIfOperator, string> = {
  equal: '=',
  notequal: '<>',
  greater: '>',
  less: '<',
  contains: 'contains',
  notempty: 'notempty',
  empty: 'empty',
};

const OPERATOR_BY_SYMBOL: Record<string, ShowIfOperator> = {
  '=': 'equal',
  '==': 'equal',
  '<>': 'notequal',
  '!=': 'notequal',
  '>': 'greater',
  '<': 'less',
  contains: 'contains',
  notempty: 'notempty',
  empty: 'empty',
};

export const operatorTakesValue = (operator: ShowIfOperator) => operator !== 'notempty' && operator !== 'empty';

/** Numbers and booleans are written bare, anything else as a quoted string. */
function literal(value: string): string {
  const trimmed = value.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed) || trimmed === 'true' || trimmed === 'false') return trimmed;
  return trimmed.includes("'") ? `"${trimmed.replace(/"/g, '')}"` : `'${trimmed}'`;
}

export function buildShowIf(condition: ShowIfCondition): string {
  const subject = `{${condition.question}}`;
  const symbol = SYMBOLS[condition.operator];
  return operatorTakesValue(condition.operator) ? `${subject} ${symbol} ${literal(condition.value)}` : `${subject} ${symbol}`;
}

const SIMPLE = /^\s*\{([^{}]+)\}\s*(==|=|<>|!=|>|<|contains|notempty|empty)\s*(-?\d+(?:\.\d+)?|true|false|'[^']*'|"[^"]*")?\s*$/i;

/**
 * Reads an expression the small editor can show; null when it is anything else (an imported
 * `and`/`or` expression, a function call), which the builder then keeps untouched.
 */
export function parseShowIf(expression: unknown): ShowIfCondition | null {
  if (typeof expression !== 'string') return null;
  const match = SIMPLE.exec(expression);
  if (!match) return null;
  const [, question = '', symbol = '', raw] = match;
  const operator = OPERATOR_BY_SYMBOL[symbol.toLowerCase()];
  if (!operator) return null;
  if (operatorTakesValue(operator) !== (raw !== undefined)) return null;
  const value = raw === undefined ? '' : /^['"]/.test(raw) ? raw.slice(1, -1) : raw;
  return { question: question.trim(), operator, value };
}
