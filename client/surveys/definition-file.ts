import { checkDefinitionContract } from '@shared/survey-definition/definition-contract';
import type { ContractIssue } from '@shared/survey-definition/definition-contract';
import { surveyDefinitionSchema } from '@shared/survey-definition/definition.schema';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';

export type ImportResult =
  | { kind: 'not-json' }
  | { kind: 'not-a-survey'; detail: string }
  | { kind: 'ok'; definition: SurveyDefinition; issues: ContractIssue[] };

/**
 * Reads a SurveyJS JSON file. Anything that parses as a survey definition may replace the draft;
 * its contract issues are returned so the builder shows them before the draft can be saved.
 */
export function readDefinitionFile(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  const parsed = surveyDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : '';
    return { kind: 'not-a-survey', detail };
  }
  return { kind: 'ok', definition: parsed.data, issues: checkDefinitionContract(parsed.data) };
}

/** Pretty-printed JSON, as a designer would want to read or diff it. */
export function definitionFileText(definition: SurveyDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

export function definitionFileName(slug: string): string {
  return `survey-${slug.replace(/[^A-Za-z0-9_-]/g, '') || 'draft'}.json`;
}
