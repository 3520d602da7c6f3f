import type { KanoSide, ServqualDimension, ServqualSide } from '@shared/survey-definition/metric-vocabulary';
import type { SurveyElement } from '@shared/survey-definition/definition.schema';
import { METRIC_SCALES } from '@shared/survey-definition/metric-vocabulary';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import type { ShowIfOperator } from './show-if';

export const DIMENSION_LABELS: Record<ServqualDimension, MessageKey> = {
  tangibles: 'builder.dimension.tangibles',
  reliability: 'builder.dimension.reliability',
  responsiveness: 'builder.dimension.responsiveness',
  assurance: 'builder.dimension.assurance',
  empathy: 'builder.dimension.empathy',
};

const SERVQUAL_SIDE_LABELS: Record<ServqualSide, MessageKey> = {
  expectation: 'builder.side.expectation',
  perception: 'builder.side.perception',
};

const KANO_SIDE_LABELS: Record<KanoSide, MessageKey> = {
  functional: 'builder.side.functional',
  dysfunctional: 'builder.side.dysfunctional',
};

const TYPE_LABELS: Record<string, MessageKey> = {
  rating: 'builder.type.rating',
  radiogroup: 'builder.type.radiogroup',
  checkbox: 'builder.type.checkbox',
  dropdown: 'builder.type.dropdown',
  tagbox: 'builder.type.tagbox',
  boolean: 'builder.type.boolean',
  text: 'builder.type.text',
  comment: 'builder.type.comment',
  panel: 'builder.type.panel',
  html: 'builder.type.html',
  image: 'builder.type.image',
};

export const OPERATOR_LABELS: Record<ShowIfOperator, MessageKey> = {
  equal: 'builder.showIf.op.equal',
  notequal: 'builder.showIf.op.notequal',
  greater: 'builder.showIf.op.greater',
  less: 'builder.showIf.op.less',
  contains: 'builder.showIf.op.contains',
  notempty: 'builder.showIf.op.notempty',
  empty: 'builder.showIf.op.empty',
};

const isKey = <T extends string>(table: Record<T, MessageKey>, key: unknown): key is T => typeof key === 'string' && key in table;

/** A short description of what a question measures, e.g. "NPS · 0–10" or "SERVQUAL · Reliability · Expectation". */
export function describeQuestion(element: SurveyElement, t: Translate): string {
  const type = TYPE_LABELS[element.type] ? t(TYPE_LABELS[element.type]!) : element.type;
  switch (element.metric) {
    case 'nps':
    case 'csat':
    case 'ces': {
      const { min, max } = METRIC_SCALES[element.metric];
      return `${element.metric.toUpperCase()} · ${min}–${max}`;
    }
    case 'servqual': {
      const parts = ['SERVQUAL'];
      if (isKey(DIMENSION_LABELS, element.dimension)) parts.push(t(DIMENSION_LABELS[element.dimension]));
      if (isKey(SERVQUAL_SIDE_LABELS, element.servqual)) parts.push(t(SERVQUAL_SIDE_LABELS[element.servqual]));
      return parts.join(' · ');
    }
    case 'kano':
      return isKey(KANO_SIDE_LABELS, element.kano) ? `Kano · ${t(KANO_SIDE_LABELS[element.kano])}` : 'Kano';
    case 'comment':
      return t('builder.metric.comment');
    default:
      return type;
  }
}
