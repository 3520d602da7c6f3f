import type { ContractIssue } from '@shared/survey-definition/definition-contract';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { walkQuestions } from '@shared/survey-definition/walk-questions';

/** Problems to show next to each question, plus those about the survey as a whole. */
export interface IssuesByQuestion {
  byQuestion: Map<string, string[]>;
  general: string[];
}

export function groupIssues(issues: readonly ContractIssue[]): IssuesByQuestion {
  const byQuestion = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    if (issue.question === null) general.push(issue.message);
    else byQuestion.set(issue.question, [...(byQuestion.get(issue.question) ?? []), issue.message]);
  }
  return { byQuestion, general };
}

const QUOTED_NAME = /^Question "([^"]+)":/;

/**
 * Turns the server's `invalid_params` for a rejected save into contract issues for `definition`
 * (the one that was sent): the question comes from the JSON path, else from the message.
 */
export function issuesFromInvalidParams(params: readonly InvalidParam[], definition: SurveyDefinition): ContractIssue[] {
  const questions = walkQuestions(definition);
  return params.map((param) => {
    const path = param.name.replace(/^body\./, '').replace(/^definition\.?/, '');
    const located = questions.find((q) => path === q.path || path.startsWith(`${q.path}.`));
    const question = located?.question.name ?? QUOTED_NAME.exec(param.reason)?.[1] ?? null;
    return { question, path, code: 'server', message: param.reason };
  });
}
