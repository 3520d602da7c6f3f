import { objectIdSchema } from '@shared/http/object-id.schema';
import type { CreateDistributionInput, Schedule } from '@shared/distributions/distribution.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { fileUnderFields } from '../lib/field-errors';

export type AudienceKind = 'all' | 'segment' | 'contacts';
export type ScheduleKind = 'now' | 'at' | 'monthly' | 'quarterly' | 'cron';

/** The create form as typed: strings, so a half-typed number stays on screen until it is checked. */
export interface DistributionFields {
  survey: string;
  touchpoint: string;
  channel: string;
  audienceKind: AudienceKind;
  segment: string;
  contactIds: string;
  scheduleKind: ScheduleKind;
  /** `datetime-local` value, read in the browser's time zone. */
  at: string;
  cron: string;
  scheduleTimezone: string;
  reminderAfterDays: string;
  reminderMax: string;
  quarantineDays: string;
  windowOn: boolean;
  windowFrom: string;
  windowTo: string;
  windowTimezone: string;
}

/** Fields that show an error of their own; anything else the server names is listed above the buttons. */
export const FORM_FIELDS = [
  'survey',
  'touchpoint',
  'channel',
  'audience.segment',
  'audience.contactIds',
  'audience',
  'schedule.at',
  'schedule.cron',
  'schedule.every',
  'schedule.timezone',
  'schedule',
  'reminders.afterDays',
  'reminders.max',
  'quarantineDays',
  'sendWindow.from',
  'sendWindow.to',
  'sendWindow.timezone',
  'sendWindow',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A client-side check names a message; a server check brings its own reason. */
export type FieldError = { message: MessageKey } | { reason: string };
export type FieldErrors = Partial<Record<FormField, FieldError>>;

/** The browser's IANA time zone, UTC when it has none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function emptyFields(timezone: string = browserTimeZone()): DistributionFields {
  return {
    survey: '',
    touchpoint: '',
    channel: '',
    audienceKind: 'segment',
    segment: '',
    contactIds: '',
    scheduleKind: 'now',
    at: '',
    cron: '',
    scheduleTimezone: timezone,
    reminderAfterDays: '3',
    reminderMax: '1',
    quarantineDays: '30',
    windowOn: false,
    windowFrom: '09:00',
    windowTo: '18:00',
    windowTimezone: timezone,
  };
}

/** Contact ids pasted one per line, or separated by commas or spaces. */
export function parseContactIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The request body for these fields, or the errors a person can fix before the server is asked. */
export function distributionInputFrom(
  fields: DistributionFields,
  parseLocalDateTime: (value: string) => Date = (value) => new Date(value),
): { ok: true; input: CreateDistributionInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!fields.survey) errors.survey = { message: 'distributions.error.survey' };
  if (!fields.touchpoint) errors.touchpoint = { message: 'distributions.error.touchpoint' };

  const audience: CreateDistributionInput['audience'] = {};
  if (fields.audienceKind === 'segment') {
    if (!fields.segment) errors['audience.segment'] = { message: 'distributions.error.segment' };
    else audience.segment = fields.segment;
  } else if (fields.audienceKind === 'contacts') {
    const ids = parseContactIds(fields.contactIds);
    if (ids.length === 0 || ids.some((id) => !objectIdSchema.safeParse(id).success)) errors['audience.contactIds'] = { message: 'distributions.error.contactIds' };
    else audience.contactIds = ids;
  }

  let schedule: Schedule = { type: 'once' };
  if (fields.scheduleKind === 'at') {
    const at = fields.at ? parseLocalDateTime(fields.at) : null;
    if (!at || Number.isNaN(at.getTime())) errors['schedule.at'] = { message: 'distributions.error.at' };
    else schedule = { type: 'once', at: at.toISOString() };
  } else if (fields.scheduleKind === 'monthly' || fields.scheduleKind === 'quarterly') {
    schedule = { type: 'recurring', every: fields.scheduleKind, timezone: fields.scheduleTimezone };
  } else if (fields.scheduleKind === 'cron') {
    const cron = fields.cron.trim().replace(/\s+/g, ' ');
    if (cron.split(' ').length < 5) errors['schedule.cron'] = { message: 'distributions.error.cron' };
    else schedule = { type: 'recurring', cron, timezone: fields.scheduleTimezone };
  }

  const afterDays = parseNumber(fields.reminderAfterDays);
  const max = parseNumber(fields.reminderMax);
  const quarantineDays = parseNumber(fields.quarantineDays);
  if (afterDays === null || afterDays < 0) errors['reminders.afterDays'] = { message: 'distributions.error.number' };
  if (max === null || max < 0 || !Number.isInteger(max)) errors['reminders.max'] = { message: 'distributions.error.wholeNumber' };
  if (quarantineDays === null || quarantineDays < 0) errors.quarantineDays = { message: 'distributions.error.number' };

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: CreateDistributionInput = {
    survey: fields.survey,
    touchpoint: fields.touchpoint,
    audience,
    schedule,
    reminders: { afterDays: afterDays!, max: max! },
    quarantineDays: quarantineDays!,
  };
  if (fields.channel) input.channel = fields.channel;
  if (fields.windowOn) input.sendWindow = { from: fields.windowFrom, to: fields.windowTo, timezone: fields.windowTimezone };
  return { ok: true, input };
}

/**
 * Files the server's `invalid_params` under the form's fields (`body.sendWindow.from` → `sendWindow.from`,
 * `body.audience.contactIds.3` → `audience.contactIds`); what fits no field comes back in `other`.
 */
export function fieldErrorsFromProblem(params: readonly InvalidParam[]): { errors: FieldErrors; other: InvalidParam[] } {
  const filed = fileUnderFields(params, FORM_FIELDS);
  const errors: FieldErrors = {};
  for (const [field, reason] of Object.entries(filed.errors) as Array<[FormField, string]>) errors[field] = { reason };
  return { errors, other: filed.other };
}

/** Where an error of the server is shown when the field it names has no control of its own. */
export const SHOWN_WITH: Partial<Record<FormField, FormField>> = {
  'schedule.every': 'schedule',
};

export function errorText(error: FieldError | undefined, t: Translate): string | null {
  if (!error) return null;
  return 'message' in error ? t(error.message) : error.reason;
}

/** The schedule in words: "once, right away", "once, 3 Mar, 10:00", "monthly", "cron 0 9 * * 1". */
export function scheduleSummary(schedule: Schedule, t: Translate, locale: string): string {
  if (schedule.type === 'once') {
    if (!schedule.at) return t('distributions.schedule.onceNow');
    const when = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(schedule.at));
    return t('distributions.schedule.onceAt', { when });
  }
  const base = schedule.every
    ? t(schedule.every === 'monthly' ? 'distributions.schedule.monthly' : 'distributions.schedule.quarterly')
    : t('distributions.schedule.cron', { cron: schedule.cron ?? '' });
  return schedule.timezone ? t('distributions.schedule.inZone', { schedule: base, timezone: schedule.timezone }) : base;
}

/** IANA zones for the time-zone selects, with the given ones (the browser's, UTC) always present. */
export function timeZoneOptions(always: readonly string[]): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // Older engines without Intl.supportedValuesOf still get the browser's zone and UTC.
    zones = [];
  }
  return [...new Set([...always, 'UTC', ...zones])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
