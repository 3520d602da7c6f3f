import type { MetricCheck } from '@shared/actions/action.schema';
import { MIN_TEST_N } from '@shared/scoring/significance';
import type { Translate } from '../i18n/i18n-context';
import type { ScoreText } from '../dashboard/score-text';

/** One target metric's check in words: the verdict, and the numbers behind it when there are any. */
export function verdictLine(check: MetricCheck, t: Translate, text: ScoreText): string {
  const metric = text.metricName(check.metric);
  const verdict = t(`actions.verdict.${check.verdict}`);
  const n = { nb: check.n.baseline, nc: check.n.check };
  if (check.verdict === 'too-few') return t('actions.check.tooFew', { metric, verdict, ...n, min: MIN_TEST_N });
  const digits = text.digits(check.metric);
  const value = (v: number | null) => (v === null ? '—' : text.metricValue(check.metric, v));
  const signed = (v: number) => text.number(v, digits, 'exceptZero');
  const numbers = { before: value(check.values.baseline), after: value(check.values.check), effect: check.effect === null ? '—' : signed(check.effect), ...n };
  if (!check.ci95) return t('actions.check.lineNoInterval', { metric, verdict, ...numbers });
  return t('actions.check.line', { metric, verdict, ...numbers, lo: signed(check.ci95[0]), hi: signed(check.ci95[1]) });
}
