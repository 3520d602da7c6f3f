import { z } from 'zod';
import { settings } from 'survey-core';
import { definitionIssue, questionIssue } from './contract-issue';
import type { ContractIssue } from './contract-issue';
import { surveyDefinitionSchema } from './definition.schema';
import type { SurveyDefinition } from './definition.schema';
import { checkMetricPairs } from './metric-pairing';
import { checkMetricQuestion, needsEngine } from './metric-rules';
import { checkRegexValidators } from './regex-validators';
import { loadQuestionsAlone } from './standalone-question';
import { isPlainObject } from './plain-object';
import { jsonDepthExceeds } from './json-depth';
import { walkQuestions } from './walk-questions';

export type { ContractIssue } from './contract-issue';

export const DEFINITION_LIMITS = {
  maxBytes: 256 * 1024,
  maxQuestions: 300,
  /** Panels inside panels inside pages; deeper JSON is refused before it is parsed. */
  maxDepth: 8,
  /** Any JSON inside the definition, checked before anything recursive (stringify, BSON) walks it. */
  maxJsonDepth: 64,
  maxNameLength: 100,
} as const;

/**
 * Question types whose answers Touchpoint validates and stores as top-level keys. Dynamic panels and
 * matrices nest their answers and are not supported yet.
 */
export const ANSWER_QUESTION_TYPES = ['rating', 'radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'text', 'comment'] as const;
export const DISPLAY_QUESTION_TYPES = ['html', 'image'] as const;
const SUPPORTED_TYPES = new Set<string>([...ANSWER_QUESTION_TYPES, ...DISPLAY_QUESTION_TYPES, 'panel']);

/** SurveyJS features that would move answers away from `answers[questionName]` or fetch remote data. */
const UNSUPPORTED_PROPERTIES: Record<string, string> = {
  valueName: 'answers are stored under the question name, so "valueName" is not supported',
  choicesByUrl: 'choices must be listed in the definition, so "choicesByUrl" is not supported',
};

/** Answers are stored as MongoDB keys and merged into plain objects, so names must be inert. */
export function isSafeQuestionName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= DEFINITION_LIMITS.maxNameLength &&
    !name.startsWith('$') &&
    !name.includes('.') &&
    !name.includes('\0') &&
    !name.endsWith(settings.commentSuffix) &&
    name !== '__proto__'
  );
}

/** Every way `definition` breaks the question contract; an empty list means it may be saved and published. */
export function checkDefinitionContract(definition: unknown): ContractIssue[] {
  const early = checkEnvelope(definition);
  if (early.length) return early;
  const parsed = surveyDefinitionSchema.safeParse(definition);
  if (!parsed.success) return parsed.error.issues.map((issue) => fromZodIssue(definition, issue));
  return checkSemantics(parsed.data);
}

/** The definition schema plus the whole contract, for request validation; issues carry the question's path. */
export const contractedDefinitionSchema = z.unknown().transform((value, ctx): SurveyDefinition => {
  const issues = checkDefinitionContract(value);
  for (const issue of issues) {
    const path = issue.path ? issue.path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) : [];
    ctx.addIssue({ code: 'custom', path, message: issue.message, params: { code: issue.code, question: issue.question } });
  }
  return issues.length ? z.NEVER : (value as SurveyDefinition);
});

function checkEnvelope(definition: unknown): ContractIssue[] {
  if (!isPlainObject(definition)) return [definitionIssue('', 'not-an-object', 'The survey definition must be a JSON object')];
  if (jsonDepthExceeds(definition, DEFINITION_LIMITS.maxJsonDepth)) {
    return [definitionIssue('', 'too-deep', `The survey definition's JSON may be nested at most ${DEFINITION_LIMITS.maxJsonDepth} levels deep`)];
  }
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(definition)).length;
  } catch {
    return [definitionIssue('', 'not-serializable', 'The survey definition must be plain JSON')];
  }
  if (bytes > DEFINITION_LIMITS.maxBytes) {
    const text = `The survey definition is ${bytes} bytes; the limit is ${DEFINITION_LIMITS.maxBytes}`;
    return [definitionIssue('', 'too-large', text)];
  }
  if (elementDepth(definition) > DEFINITION_LIMITS.maxDepth) {
    return [definitionIssue('', 'too-deep', `Panels may be nested at most ${DEFINITION_LIMITS.maxDepth} levels deep`)];
  }
  return [];
}

function checkSemantics(definition: SurveyDefinition): ContractIssue[] {
  const questions = walkQuestions(definition);
  const issues: ContractIssue[] = [];
  if (questions.length > DEFINITION_LIMITS.maxQuestions) {
    const text = `The survey has ${questions.length} questions; the limit is ${DEFINITION_LIMITS.maxQuestions}`;
    issues.push(definitionIssue('', 'too-many-questions', text));
  }
  issues.push(...checkContainers(definition));

  const engine = loadQuestionsAlone(questions.map(({ question }) => question).filter(needsEngine));
  const seen = new Map<string, string>();
  for (const { question, path } of questions) {
    const issue = (code: string, text: string, at = path) => questionIssue(question.name, at, code, text);
    if (!SUPPORTED_TYPES.has(question.type)) {
      issues.push(issue('unsupported-type', `question type "${question.type}" is not supported`, `${path}.type`));
      continue;
    }
    if (!isSafeQuestionName(question.name)) {
      const text = `a name must be 1–${DEFINITION_LIMITS.maxNameLength} characters, must not start with "$", contain "." or end with "${settings.commentSuffix}"`;
      issues.push(issue('unsafe-name', text, `${path}.name`));
    }
    const earlier = seen.get(question.name);
    if (earlier !== undefined) issues.push(issue('duplicate-name', `the name is already used by the question at ${earlier}`, `${path}.name`));
    else seen.set(question.name, path);
    for (const [property, reason] of Object.entries(UNSUPPORTED_PROPERTIES)) {
      if (question[property] !== undefined) issues.push(issue('unsupported-property', reason, `${path}.${property}`));
    }
    issues.push(...checkMetricQuestion(question, path, engine.get(question)));
    issues.push(...checkRegexValidators(question, question.name, path));
  }
  issues.push(...checkMetricPairs(questions));
  return issues;
}

/** Panels are fine; dynamic panels and other containers would nest answers. */
function checkContainers(definition: SurveyDefinition): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const calculated = definition.calculatedValues;
  if (Array.isArray(calculated) && calculated.some((value) => isPlainObject(value) && value.includeIntoResult)) {
    issues.push(definitionIssue('calculatedValues', 'unsupported-property', 'Calculated values cannot be included in the answers'));
  }
  const visit = (elements: unknown, path: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element: Record<string, unknown>, index) => {
      const here = `${path}.${index}`;
      if (element.type === 'panel') visit(element.elements, `${here}.elements`);
      else if (element.type === 'paneldynamic') {
        const name = String(element.name);
        issues.push(questionIssue(name, `${here}.type`, 'unsupported-type', 'question type "paneldynamic" is not supported'));
      }
    });
  };
  visit(definition.elements, 'elements');
  definition.pages?.forEach((page, index) => visit(page.elements, `pages.${index}.elements`));
  return issues;
}

function fromZodIssue(definition: unknown, issue: z.core.$ZodIssue): ContractIssue {
  const path = issue.path.map(String).join('.');
  const property = issue.path[issue.path.length - 1];
  const text = typeof property === 'string' && issue.message.startsWith('must ') ? `${property} ${issue.message}` : issue.message;
  const question = nearestElementName(definition, issue.path);
  if (question !== null) return questionIssue(question, path, 'invalid-shape', text);
  return definitionIssue(path, 'invalid-shape', path ? `${path}: ${text}` : text);
}

function nearestElementName(root: unknown, path: readonly PropertyKey[]): string | null {
  let node = root;
  let name: string | null = null;
  for (const key of path) {
    if (!isPlainObject(node) && !Array.isArray(node)) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (isPlainObject(node) && typeof node.type === 'string' && typeof node.name === 'string') name = node.name;
  }
  return name;
}

function elementDepth(root: Record<string, unknown>): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root.elements, 1], [root.pages, 0]];
  while (stack.length) {
    const [children, depth] = stack.pop() as [unknown, number];
    if (!Array.isArray(children)) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > DEFINITION_LIMITS.maxDepth) break;
    for (const child of children) {
      if (!isPlainObject(child)) continue;
      stack.push([child.elements, depth + 1], [child.templateElements, depth + 1]);
    }
  }
  return deepest;
}
