/**
 * The team form as typed (strings, so half-typed hours stay on screen) and its conversion to the API
 * body. The shared schema does the checking; this only reads the text a person can type.
 */
import { WEEKDAYS, type BusinessCalendar, type Holiday, type WorkingInterval, type Weekday } from '@shared/cases/business-calendar.schema';
import { teamInputSchema, type TeamInput } from '@shared/cases/case-api.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import { issuesAsParams } from '../../lib/field-errors';
import type { Team } from './case-admin-api';

export interface TeamFields {
  name: string;
  members: string[];
  lead: string;
  slaPolicyId: string;
  timeZone: string;
  /** Per weekday: "09:00-12:00, 13:00-17:30"; empty for a day off. */
  hours: Record<Weekday, string>;
  /** One holiday a line: "2026-12-25 Christmas" or "2026-12-24 12:00-24:00 Christmas Eve". */
  holidays: string;
}

export const TEAM_FIELDS = ['name', 'members', 'lead', 'slaPolicyId', 'calendar.timeZone', ...WEEKDAYS.map((day) => `calendar.weeklyHours.${day}` as const), 'calendar.weeklyHours', 'calendar.holidays'] as const;
export type TeamField = (typeof TEAM_FIELDS)[number];

const WEEKDAY_HOURS = '09:00-17:00';

export function emptyTeamFields(timeZone: string): TeamFields {
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, day === 'sat' || day === 'sun' ? '' : WEEKDAY_HOURS])) as Record<Weekday, string>;
  return { name: '', members: [], lead: '', slaPolicyId: '', timeZone, hours, holidays: '' };
}

export function teamFieldsFrom(team: Team): TeamFields {
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsText(team.calendar.weeklyHours[day] ?? [])])) as Record<Weekday, string>;
  return {
    name: team.name,
    members: team.members,
    lead: team.lead ?? '',
    slaPolicyId: team.slaPolicyId ?? '',
    timeZone: team.calendar.timeZone,
    hours,
    holidays: holidaysText(team.calendar.holidays),
  };
}

export const intervalsText = (intervals: readonly WorkingInterval[]): string => intervals.map((i) => `${i.from}-${i.to}`).join(', ');

/** "09:00-12:00, 13:00-17:30" as intervals; a piece without a dash keeps its text for the schema to refuse. */
export function parseIntervals(text: string): WorkingInterval[] {
  return text
    .split(/[,;，]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const match = /^(\S+?)\s*[-–~]\s*(\S+)$/.exec(piece);
      return match ? { from: match[1]!, to: match[2]! } : { from: piece, to: '' };
    });
}

export function holidaysText(holidays: readonly Holiday[]): string {
  return holidays.map((h) => [h.date, h.from !== undefined && h.to !== undefined ? `${h.from}-${h.to}` : null, h.name ?? null].filter(Boolean).join(' ')).join('\n');
}

/** One holiday a line: the date, then optionally its hours, then optionally its name. */
export function parseHolidays(text: string): Holiday[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = '', ...rest] = line.split(/\s+/);
      const hours = rest[0] && /^\d\d:\d\d-\d\d:\d\d$/.test(rest[0]) ? rest.shift()!.split('-') : null;
      const name = rest.join(' ');
      return { date, ...(hours ? { from: hours[0]!, to: hours[1]! } : {}), ...(name ? { name } : {}) };
    });
}

/** Holiday errors name the line (`calendar.holidays.2.date`); the form shows them under the one box. */
export function teamInputFrom(fields: TeamFields): { ok: true; input: TeamInput } | { ok: false; params: InvalidParam[] } {
  const weeklyHours = Object.fromEntries(WEEKDAYS.flatMap((day) => (fields.hours[day].trim() ? [[day, parseIntervals(fields.hours[day])]] : []))) as BusinessCalendar['weeklyHours'];
  const body = {
    name: fields.name,
    members: fields.members,
    lead: fields.lead || null,
    slaPolicyId: fields.slaPolicyId || null,
    calendar: { timeZone: fields.timeZone, weeklyHours, holidays: parseHolidays(fields.holidays) },
  };
  const parsed = teamInputSchema.safeParse(body);
  return parsed.success ? { ok: true, input: body } : { ok: false, params: issuesAsParams(parsed.error) };
}
