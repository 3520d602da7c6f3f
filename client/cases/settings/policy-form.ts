/**
 * The SLA policy form as typed: targets and ladder steps in minutes (people think in minutes; the API
 * counts seconds), checked by the shared schema before anything is sent.
 */
import type { InvalidParam } from '@shared/http/problem.schema';
import { ANY, ESCALATION_LEVELS, SLA_STAGES, slaPolicySchema, type EscalationLevel, type SlaPolicy, type SlaPolicyInput, type SlaStage } from '@shared/cases/sla-policy.schema';
import { issuesAsParams } from '../../lib/field-errors';

export interface RuleFields {
  priority: string;
  segment: string;
  targets: Record<SlaStage, string>;
}

export interface PolicyFields {
  name: string;
  warningPercent: string;
  rules: RuleFields[];
  escalation: Record<EscalationLevel, { on: boolean; afterMinutes: string }>;
}

const minutes = (seconds: number) => String(Math.round((seconds / 60) * 100) / 100);
/** Whole seconds of a minutes field; NaN for text that is no number, for the schema to refuse. */
const seconds = (text: string) => (text.trim() === '' ? Number.NaN : Math.round(Number(text) * 60));

/** The service standard's targets: 30 min, 2 h, 4 h, 24 h, 72 h. */
export const STANDARD_TARGET_MINUTES: Record<SlaStage, string> = { acknowledge: '30', investigate: '120', plan: '240', answer: '1440', resolve: '4320' };

export function emptyRule(priority = ANY, segment = ANY): RuleFields {
  return { priority, segment, targets: { ...STANDARD_TARGET_MINUTES } };
}

export function emptyPolicyFields(): PolicyFields {
  return {
    name: '',
    warningPercent: '80',
    rules: [emptyRule()],
    escalation: Object.fromEntries(ESCALATION_LEVELS.map((level) => [level, { on: false, afterMinutes: '0' }])) as PolicyFields['escalation'],
  };
}

export function policyFieldsFrom(policy: SlaPolicy): PolicyFields {
  const escalation = emptyPolicyFields().escalation;
  for (const step of policy.escalation) escalation[step.level] = { on: true, afterMinutes: minutes(step.afterSeconds) };
  return {
    name: policy.name,
    warningPercent: String(Math.round(policy.warningRatio * 1000) / 10),
    rules: policy.rules.map((rule) => ({
      priority: rule.priority,
      segment: rule.segment,
      targets: Object.fromEntries(SLA_STAGES.map((stage) => [stage, minutes(rule.targets[stage])])) as Record<SlaStage, string>,
    })),
    escalation,
  };
}

/** The API body, or the refusals of the shared schema named by path (`rules.0.targets.plan`). */
export function policyInputFrom(fields: PolicyFields): { ok: true; input: SlaPolicyInput } | { ok: false; params: InvalidParam[] } {
  const body = {
    name: fields.name,
    warningRatio: Number(fields.warningPercent) / 100,
    rules: fields.rules.map((rule) => ({
      priority: rule.priority,
      segment: rule.segment.trim(),
      targets: Object.fromEntries(SLA_STAGES.map((stage) => [stage, seconds(rule.targets[stage])])),
    })),
    escalation: ESCALATION_LEVELS.filter((level) => fields.escalation[level].on).map((level) => ({ level, afterSeconds: seconds(fields.escalation[level].afterMinutes) })),
  };
  const parsed = slaPolicySchema.safeParse(body);
  return parsed.success ? { ok: true, input: body as SlaPolicyInput } : { ok: false, params: issuesAsParams(parsed.error) };
}

/** Fields of a policy form with `ruleCount` rules that show an error of their own. */
export function policyFieldNames(ruleCount: number): string[] {
  const perRule = (i: number) => [`rules.${i}.priority`, `rules.${i}.segment`, `rules.${i}.targets`, ...SLA_STAGES.map((stage) => `rules.${i}.targets.${stage}`)];
  return ['name', 'warningRatio', 'rules', 'escalation', ...Array.from({ length: ruleCount }, (_, i) => perRule(i)).flat()];
}
