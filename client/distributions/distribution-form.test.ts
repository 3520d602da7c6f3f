import { describe, expect, it } from 'vitest';
import { createDistributionInputSchema } from '@shared/distributions/distribution.schema';
import { en } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';
import { formatMessage } from '../i18n/locale';
import { zhCN } from '../i18n/zh-CN';
import { distributionInputFrom, emptyFields, fieldErrorsFromProblem, parseContactIds, scheduleSummary, timeZoneOptions } from './distribution-form';
import type { DistributionFields } from './distribution-form';

const english: Translate = (key, params) => formatMessage(en[key], params);
const chinese: Translate = (key, params) => formatMessage(zhCN[key], params);
const SURVEY = 'a'.repeat(24);
const filled = (change: Partial<DistributionFields> = {}): DistributionFields => ({
  ...emptyFields('Europe/Berlin'),
  survey: SURVEY,
  touchpoint: 'branch-visit',
  segment: 'vip',
  ...change,
});

describe('the distribution form', () => {
  it('builds a "send now" body the shared schema accepts, with the defaults a person sees', () => {
    const result = distributionInputFrom(filled());
    expect(result).toEqual({
      ok: true,
      input: { survey: SURVEY, touchpoint: 'branch-visit', audience: { segment: 'vip' }, schedule: { type: 'once' }, reminders: { afterDays: 3, max: 1 }, quarantineDays: 30 },
    });
    expect(result.ok && createDistributionInputSchema.safeParse(result.input).success).toBe(true);
  });

  it('reads a date-time as local time, and recurring schedules carry their time zone; a window is sent only when switched on', () => {
    const at = distributionInputFrom(filled({ scheduleKind: 'at', at: '2030-03-03T10:00' }), (value) => new Date(`${value}:00Z`));
    expect(at.ok && at.input.schedule).toEqual({ type: 'once', at: '2030-03-03T10:00:00.000Z' });
    const quarterly = distributionInputFrom(filled({ scheduleKind: 'quarterly', windowOn: true, windowFrom: '08:30', windowTo: '17:00', windowTimezone: 'Asia/Shanghai' }));
    expect(quarterly.ok && quarterly.input).toMatchObject({
      schedule: { type: 'recurring', every: 'quarterly', timezone: 'Europe/Berlin' },
      sendWindow: { from: '08:30', to: '17:00', timezone: 'Asia/Shanghai' },
    });
    const cron = distributionInputFrom(filled({ scheduleKind: 'cron', cron: '  0 9  * * 1 ', audienceKind: 'all', channel: 'online' }));
    expect(cron.ok && cron.input).toMatchObject({ schedule: { type: 'recurring', cron: '0 9 * * 1' }, audience: {}, channel: 'online' });
    expect(cron.ok && createDistributionInputSchema.safeParse(cron.input).success).toBe(true);
  });

  it('names every field a person has to fix before anything is sent', () => {
    const result = distributionInputFrom({
      ...emptyFields('UTC'),
      audienceKind: 'contacts',
      contactIds: 'not-an-id',
      scheduleKind: 'cron',
      cron: '0 9',
      reminderAfterDays: '',
      reminderMax: '1.5',
      quarantineDays: '-1',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(
      ['audience.contactIds', 'quarantineDays', 'reminders.afterDays', 'reminders.max', 'schedule.cron', 'survey', 'touchpoint'].sort(),
    );
    expect(distributionInputFrom(filled({ scheduleKind: 'at', at: '' })).ok).toBe(false);
  });

  it('reads pasted contact ids on lines or between commas, once each', () => {
    const a = '0123456789abcdef01234567';
    const b = 'fedcba9876543210fedcba98';
    expect(parseContactIds(`${a}\n${b}, ${a};\n\n`)).toEqual([a, b]);
    const result = distributionInputFrom(filled({ audienceKind: 'contacts', contactIds: `${a}\n${b}` }));
    expect(result.ok && result.input.audience).toEqual({ contactIds: [a, b] });
  });

  it('files the server invalid_params under the fields they name, the rest apart', () => {
    const { errors, other } = fieldErrorsFromProblem([
      { name: 'body.sendWindow.from', reason: 'must be a time of day as HH:MM (24 h)' },
      { name: 'body.audience.contactIds.3', reason: 'must be an id' },
      { name: 'body.schedule.cron', reason: 'not a cron pattern' },
      { name: 'body.survey', reason: 'the survey is draft; publish it first' },
      { name: 'body.tokenTtlDays', reason: 'too big' },
    ]);
    expect(errors).toEqual({
      'sendWindow.from': { reason: 'must be a time of day as HH:MM (24 h)' },
      'audience.contactIds': { reason: 'must be an id' },
      'schedule.cron': { reason: 'not a cron pattern' },
      survey: { reason: 'the survey is draft; publish it first' },
    });
    expect(other).toEqual([{ name: 'body.tokenTtlDays', reason: 'too big' }]);
  });

  it('says the schedule in words in both languages', () => {
    expect(scheduleSummary({ type: 'once' }, english, 'en')).toBe('once, right away');
    expect(scheduleSummary({ type: 'recurring', every: 'monthly' }, english, 'en')).toBe('monthly');
    expect(scheduleSummary({ type: 'recurring', every: 'quarterly', timezone: 'Asia/Shanghai' }, chinese, 'zh-CN')).toBe('每季度（Asia/Shanghai）');
    expect(scheduleSummary({ type: 'recurring', cron: '0 9 * * 1', timezone: 'UTC' }, english, 'en')).toBe('cron 0 9 * * 1 (UTC)');
    const at = new Date(2030, 2, 3, 10, 0).toISOString();
    expect(scheduleSummary({ type: 'once', at }, english, 'en-GB')).toBe('once, 3 Mar, 10:00');
  });

  it('offers UTC first and always the zones it is given', () => {
    const zones = timeZoneOptions(['Mars/Base']);
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Mars/Base');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
