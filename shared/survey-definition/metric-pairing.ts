import { questionIssue } from './contract-issue';
import type { ContractIssue } from './contract-issue';
import type { SurveyElement } from './definition.schema';

interface Located {
  question: SurveyElement;
  path: string;
}

interface PairRule {
  metric: 'servqual' | 'kano';
  label: string;
  /** Property holding the pair id and the one holding the side. */
  idProperty: 'item' | 'feature';
  sideProperty: 'servqual' | 'kano';
  sides: readonly [string, string];
}

const RULES: PairRule[] = [
  { metric: 'servqual', label: 'SERVQUAL item', idProperty: 'item', sideProperty: 'servqual', sides: ['expectation', 'perception'] },
  { metric: 'kano', label: 'Kano feature', idProperty: 'feature', sideProperty: 'kano', sides: ['functional', 'dysfunctional'] },
];

/**
 * Every SERVQUAL item needs exactly one expectation and one perception question of the same dimension,
 * and every Kano feature exactly one functional and one dysfunctional question.
 */
export function checkMetricPairs(questions: readonly Located[]): ContractIssue[] {
  return RULES.flatMap((rule) => checkPairs(questions, rule));
}

function checkPairs(questions: readonly Located[], rule: PairRule): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const groups = new Map<string, Map<string, Located>>();
  for (const located of questions) {
    const { question, path } = located;
    const id = question[rule.idProperty];
    const side = question[rule.sideProperty];
    if (question.metric !== rule.metric || id === undefined || side === undefined) continue;
    const group = groups.get(id) ?? new Map<string, Located>();
    groups.set(id, group);
    const twin = group.get(side);
    if (twin) {
      const text = `${rule.label} "${id}" already has ${articleFor(side)} ${side} question ("${twin.question.name}")`;
      issues.push(questionIssue(question.name, path, `${rule.metric}-duplicate`, text));
      continue;
    }
    group.set(side, located);
  }
  for (const [id, group] of groups) {
    const [first, second] = rule.sides.map((side) => group.get(side));
    const present = first ?? second;
    if (!present) continue;
    if (!first || !second) {
      const has = first ? rule.sides[0] : rule.sides[1];
      const lacks = first ? rule.sides[1] : rule.sides[0];
      const text = `${rule.label} "${id}" has ${articleFor(has)} ${has} question but no ${lacks} question`;
      issues.push(questionIssue(present.question.name, present.path, `${rule.metric}-unpaired`, text));
    } else if (isDimensionMismatch(first.question, second.question)) {
      const text = `${rule.label} "${id}" is ${second.question.dimension} here but ${first.question.dimension} on its ${rule.sides[0]} question "${first.question.name}"`;
      issues.push(questionIssue(second.question.name, `${second.path}.dimension`, 'servqual-dimension-mismatch', text));
    }
  }
  return issues;
}

const isDimensionMismatch = (a: SurveyElement, b: SurveyElement) =>
  a.metric === 'servqual' && !!a.dimension && !!b.dimension && a.dimension !== b.dimension;
const articleFor = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
