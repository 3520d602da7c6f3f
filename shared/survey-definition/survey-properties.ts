import { Serializer } from 'survey-core';
// The zod-free values: the respondent page registers these properties before it loads any schema.
import { KANO_SIDES, SERVQUAL_DIMENSIONS, SERVQUAL_SIDES } from './vocabulary';
import type { Metric } from './vocabulary';

/** Custom question properties Touchpoint adds to SurveyJS JSON; the builder, API and scoring read these names. */
export const TOUCHPOINT_PROPERTY_NAMES = ['metric', 'dimension', 'servqual', 'item', 'feature', 'kano'] as const;
export type TouchpointPropertyName = (typeof TOUCHPOINT_PROPERTY_NAMES)[number];

const CATEGORY = 'touchpoint';

/** Which metrics each SurveyJS class may carry; the contract check enforces the same table. */
export const METRICS_BY_QUESTION_TYPE = {
  rating: ['csat', 'nps', 'ces', 'servqual'],
  radiogroup: ['kano'],
  comment: ['comment'],
  text: ['comment'],
} as const satisfies Record<string, readonly Metric[]>;

interface PropertyOwner {
  getPropertyValue(name: string): unknown;
}
const metricIs = (metric: Metric) => (owner: PropertyOwner) => owner.getPropertyValue('metric') === metric;

function addOnce(className: string, property: { name: string } & Record<string, unknown>): void {
  if (Serializer.findProperty(className, property.name)) return;
  Serializer.addProperty(className, { category: CATEGORY, ...property });
}

/**
 * Registers Touchpoint's properties on survey-core's Serializer so they survive `new Model(json).toJSON()`
 * and show up in SurveyJS tooling. Safe to call any number of times, from Node or the browser.
 */
export function registerTouchpointProperties(): void {
  for (const [className, metrics] of Object.entries(METRICS_BY_QUESTION_TYPE)) {
    addOnce(className, { name: 'metric', choices: [...metrics] });
  }
  const servqual = metricIs('servqual');
  addOnce('rating', { name: 'dimension', choices: [...SERVQUAL_DIMENSIONS], dependsOn: ['metric'], visibleIf: servqual });
  addOnce('rating', { name: 'servqual', choices: [...SERVQUAL_SIDES], dependsOn: ['metric'], visibleIf: servqual });
  addOnce('rating', { name: 'item', dependsOn: ['metric'], visibleIf: servqual });
  const kano = metricIs('kano');
  addOnce('radiogroup', { name: 'feature', dependsOn: ['metric'], visibleIf: kano });
  addOnce('radiogroup', { name: 'kano', choices: [...KANO_SIDES], dependsOn: ['metric'], visibleIf: kano });
}
