import type { ActionCheck, MetricCheck } from '@shared/actions/action.schema';
import type { ReminderStep } from '@shared/actions/action-reminders';
import type { TemplateLocale, TemplateVars } from '@shared/mail/template.schema';
import { SERVER_TEXT } from '../mail/text-defaults';

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
const number = (value: number | null) => (value === null ? '–' : String(Math.round(value * 100) / 100));
const signed = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : ''}${number(value)}`);
const actionLink = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/actions/${id}`;

interface Named {
  id: string;
  title: string;
}

/** The `action-reminder` template's variables for one step, in the staff mail locale. */
export function reminderEmailVars(action: Named, touchpoint: string, step: ReminderStep, locale: TemplateLocale, publicUrl: string): TemplateVars {
  const text = SERVER_TEXT[locale].actionReminder;
  return {
    action: action.title,
    touchpoint,
    item: step.task ? fill(text.task, { title: step.task.title }) : text.action,
    status: step.kind === 'overdue' ? text.overdue : text.dueSoon,
    dueOn: step.dueOn,
    actionLink: actionLink(publicUrl, action.id),
  };
}

function verdictLine(check: MetricCheck, locale: TemplateLocale): string {
  const text = SERVER_TEXT[locale].actionVerdict;
  const values = {
    metric: SERVER_TEXT[locale].targetAlert.metric[check.metric],
    verdict: text.verdict[check.verdict],
    before: number(check.values.baseline),
    after: number(check.values.check),
    effect: signed(check.effect),
    lo: signed(check.ci95?.[0] ?? null),
    hi: signed(check.ci95?.[1] ?? null),
    nb: check.n.baseline,
    nc: check.n.check,
  };
  return fill(check.ci95 ? text.line : text.lineNoInterval, values);
}

/** The `action-verdict` template's variables: both windows and one line per target metric. */
export function verdictEmailVars(action: Named, touchpoint: string, check: ActionCheck, locale: TemplateLocale, publicUrl: string): TemplateVars {
  const window = SERVER_TEXT[locale].actionVerdict.window;
  return {
    action: action.title,
    touchpoint,
    baseline: fill(window, check.baseline),
    checkWindow: fill(window, check.check),
    verdicts: check.metrics.map((m) => verdictLine(m, locale)).join('\n'),
    actionLink: actionLink(publicUrl, action.id),
  };
}
