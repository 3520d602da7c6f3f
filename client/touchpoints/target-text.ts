import type { TouchpointTarget } from '@shared/touchpoints/touchpoint.schema';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { TARGET_FIELDS, type TargetField } from './touchpoint-form';

/** Each target field's label: the i18n key is the field's metric key, so no map is kept. */
export const targetLabel = (field: TargetField): MessageKey => `touchpoints.target.${field}`;

/** The targets set, in the form's order, as "label: value" parts. */
export function targetParts(t: Translate, target: TouchpointTarget): string[] {
  return TARGET_FIELDS.filter((field) => target[field] !== undefined).map((field) => `${t(targetLabel(field))}: ${target[field]}`);
}
