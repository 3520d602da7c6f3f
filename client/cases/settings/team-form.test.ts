import { describe, expect, it } from 'vitest';
import { emptyTeamFields, parseHolidays, parseIntervals, teamFieldsFrom, teamInputFrom } from './team-form';

describe('team form', () => {
  it('reads working hours and holidays as typed, and writes them back the same way', () => {
    expect(parseIntervals(' 09:00-12:00, 13:00 – 17:30 ')).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:30' },
    ]);
    expect(parseHolidays('2026-12-25 Christmas Day\n\n2026-12-24 12:00-24:00 Christmas Eve\n2026-01-01')).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-24', from: '12:00', to: '24:00', name: 'Christmas Eve' },
      { date: '2026-01-01' },
    ]);
    const fields = { ...emptyTeamFields('Asia/Shanghai'), name: 'Counter', hours: { ...emptyTeamFields('UTC').hours, sat: '22:00-06:00' }, holidays: '2026-12-24 12:00-24:00 Eve' };
    const made = teamInputFrom(fields);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const back = teamFieldsFrom({ id: 'x', name: made.input.name, members: [], lead: null, slaPolicyId: null, calendar: { ...made.input.calendar, holidays: made.input.calendar.holidays ?? [] } });
    expect(back).toEqual(fields);
  });

  it('names what the shared schema refuses by path, for the field under which it is shown', () => {
    const made = teamInputFrom({ ...emptyTeamFields('Mars/Olympus'), hours: { ...emptyTeamFields('UTC').hours, mon: '9-17', tue: '10:00' }, holidays: '2026-02-30' });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    const names = made.params.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'calendar.timeZone', 'calendar.weeklyHours.mon.0.from', 'calendar.weeklyHours.tue.0.to', 'calendar.holidays.0.date']));
  });

  it('refuses a calendar without any working hours', () => {
    const none = Object.fromEntries(Object.keys(emptyTeamFields('UTC').hours).map((day) => [day, ''])) as ReturnType<typeof emptyTeamFields>['hours'];
    const made = teamInputFrom({ ...emptyTeamFields('UTC'), name: 'Night', hours: none });
    expect(made.ok ? [] : made.params.map((p) => p.name)).toEqual(['calendar.weeklyHours']);
  });
});
