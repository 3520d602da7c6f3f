import type { Commitment, CommitmentMetric, StandardSource, StandardVersion } from '@shared/standards/standard.schema';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { TARGET_FIELDS, type TargetField } from '../touchpoints/touchpoint-form';

/** Catalogue keys named after the metric (the dashboard's labels), comparator, source and change, so no map is kept. */
export const metricLabel = (metric: CommitmentMetric): MessageKey => `dashboard.metric.${metric}`;
export const sourceLabel = (source: StandardSource): MessageKey => `standards.source.${source}`;
export const changeLabel = (change: 'added' | 'removed' | 'changed'): MessageKey => `standards.change.${change}`;

/** "First response within 1 h — first-response time p90 at most 3600". */
export function commitmentText(t: Translate, commitment: Commitment): string {
  if (!commitment.measure) return commitment.name;
  const { metric, comparator, threshold } = commitment.measure;
  return t('standards.commitment.measured', { name: commitment.name, metric: t(metricLabel(metric)), comparator: t(`standards.comparator.${comparator}`), threshold });
}

export const isTargetField = (key: string): key is TargetField => (TARGET_FIELDS as readonly string[]).includes(key);

/** Why a version was made: its reason, else what made it. */
export const reasonText = (t: Translate, version: StandardVersion): string => version.reason ?? t(sourceLabel(version.source));
