import { describe, expect, it } from 'vitest';
import { addCalendarDays, type CalendarDate } from '../time/calendar.ts';
import type { UkNation } from '../time/working-days.ts';
import {
  type AlertCalendar,
  describeMissed,
  describeReminder,
  dueReminders,
  type KeyDateForAlerts,
  missedKeyDates,
  reminderDue,
} from './key-date-alerts.ts';

const EW: UkNation = 'england-and-wales';
const SCO: UkNation = 'scotland';
const NI: UkNation = 'northern-ireland';
const DEFAULT_LEADS = [10, 5, 2, 1];

const keyDate = (dueDate: CalendarDate, over: Partial<KeyDateForAlerts> = {}): KeyDateForAlerts => ({
  id: 'kd-1',
  dueDate,
  status: 'pending',
  reminderLeadDays: null,
  ...over,
});
const cal = (today: CalendarDate, nation: UkNation = EW, leadDays = DEFAULT_LEADS): AlertCalendar => ({
  today,
  nation,
  leadDays,
});

/** The subject keys a date's reminders get when the job runs every day from `from` to the date. */
function remindersDayByDay(k: KeyDateForAlerts, from: CalendarDate, nation: UkNation, leads = DEFAULT_LEADS) {
  const sent: { on: CalendarDate; lead: number; left: number }[] = [];
  const seen = new Set<string>();
  for (let d = from; d <= k.dueDate; d = addCalendarDays(d, 1)) {
    const due = reminderDue(k, cal(d, nation, leads));
    if (due && !seen.has(due.subjectKey)) {
      seen.add(due.subjectKey);
      sent.push({ on: d, lead: due.leadDays, left: due.workingDaysLeft });
    }
  }
  return sent;
}

describe('reminderDue', () => {
  it('is the reminder of the smallest lead time reached, keyed by date, due date and lead time', () => {
    // Mon 4 Jan 2027 → Mon 11 Jan 2027: 5 working days in England and Wales.
    expect(reminderDue(keyDate('2027-01-11'), cal('2027-01-04'))).toEqual({
      keyDateId: 'kd-1',
      dueDate: '2027-01-11',
      leadDays: 5,
      workingDaysLeft: 5,
      subjectKey: 'kd-1:2027-01-11:5',
    });
    // 4 working days away: still the 5-day reminder (the 2-day one is not reached yet).
    expect(reminderDue(keyDate('2027-01-11'), cal('2027-01-05'))?.leadDays).toBe(5);
    // 6 working days away: the 10-day reminder.
    expect(reminderDue(keyDate('2027-01-11'), cal('2027-01-01'))?.leadDays).toBe(10);
  });

  it('sends nothing before the largest lead time is reached', () => {
    // Fri 1 Jan 2027 (a bank holiday) → Mon 18 Jan: 11 working days.
    expect(reminderDue(keyDate('2027-01-18'), cal('2027-01-01'))).toBeUndefined();
    expect(reminderDue(keyDate('2027-01-15'), cal('2027-01-01'))?.leadDays).toBe(10);
  });

  it('gives a date added the day before it falls one reminder, not four', () => {
    const due = dueReminders([keyDate('2027-01-12')], cal('2027-01-11'));
    expect(due).toEqual([
      expect.objectContaining({ leadDays: 1, workingDaysLeft: 1, subjectKey: 'kd-1:2027-01-12:1' }),
    ]);
  });

  it('reminds at each lead time once as the days pass, counting over the Easter holidays of England and Wales', () => {
    // Hearing Fri 9 Apr 2027; Good Friday 26 Mar and Easter Monday 29 Mar are not working days.
    const sent = remindersDayByDay(keyDate('2027-04-09'), '2027-03-01', EW);
    expect(sent).toEqual([
      // 10 working days before Fri 9 Apr, skipping Fri 26 and Mon 29 Mar: Wed 24 Mar.
      { on: '2027-03-24', lead: 10, left: 10 },
      { on: '2027-04-02', lead: 5, left: 5 },
      { on: '2027-04-07', lead: 2, left: 2 },
      { on: '2027-04-08', lead: 1, left: 1 },
    ]);
  });

  it('counts the same hearing by Scotland’s holidays (Easter Monday is a working day there)', () => {
    const sent = remindersDayByDay(keyDate('2027-04-09'), '2027-03-01', SCO);
    // Mon 29 Mar counts, so the 10-day reminder goes a day later than in England: Thu 25 Mar.
    expect(sent.map((s) => s.on)).toEqual(['2027-03-25', '2027-04-02', '2027-04-07', '2027-04-08']);
  });

  it('picks the lead time by the nation’s working days: St Patrick’s Day in Northern Ireland', () => {
    // Mon 15 → Thu 18 Mar 2027: 3 working days in England and Wales, 2 in Northern Ireland.
    expect(reminderDue(keyDate('2027-03-18'), cal('2027-03-15', EW))?.leadDays).toBe(5);
    expect(reminderDue(keyDate('2027-03-18'), cal('2027-03-15', NI))?.leadDays).toBe(2);
  });

  it('picks the lead time by the nation’s working days: Easter Monday', () => {
    // Wed 24 → Mon 29 Mar 2027: 1 working day in England and Wales (Good Friday, Easter Monday),
    // 2 in Scotland (only Good Friday).
    expect(reminderDue(keyDate('2027-03-29'), cal('2027-03-24', EW))).toMatchObject({
      leadDays: 1,
      workingDaysLeft: 1,
    });
    expect(reminderDue(keyDate('2027-03-29'), cal('2027-03-24', SCO))).toMatchObject({
      leadDays: 2,
      workingDaysLeft: 2,
    });
  });

  it('skips the substitute days of Christmas and New Year, which differ in Scotland', () => {
    // Fri 24 Dec 2027 → Wed 5 Jan 2028: 5 working days in England and Wales and Northern Ireland
    // (27, 28 Dec and 3 Jan are substitute days), 4 in Scotland (4 Jan too).
    const date = keyDate('2028-01-05', { reminderLeadDays: [4] });
    expect(reminderDue(date, cal('2027-12-24', EW))).toBeUndefined();
    expect(reminderDue(date, cal('2027-12-24', NI))).toBeUndefined();
    expect(reminderDue(date, cal('2027-12-24', SCO))).toMatchObject({ leadDays: 4, workingDaysLeft: 4 });
  });

  it('uses the date’s own lead times over the organisation’s, and none when it has an empty list', () => {
    const own = keyDate('2027-01-11', { reminderLeadDays: [3, 7] });
    expect(reminderDue(own, cal('2027-01-04'))?.leadDays).toBe(7);
    expect(reminderDue(own, cal('2027-01-06'))?.leadDays).toBe(3);
    expect(reminderDue(keyDate('2027-01-11', { reminderLeadDays: [] }), cal('2027-01-10'))).toBeUndefined();
    expect(reminderDue(keyDate('2027-01-11'), cal('2027-01-04', EW, [20]))?.leadDays).toBe(20);
  });

  it('reminds on the day itself, and of a date on a weekend with no working day before it', () => {
    expect(reminderDue(keyDate('2027-01-11'), cal('2027-01-11'))).toMatchObject({
      leadDays: 1,
      workingDaysLeft: 0,
    });
    // Fri 8 Jan → Sat 9 Jan: no working day in between.
    expect(reminderDue(keyDate('2027-01-09'), cal('2027-01-08'))).toMatchObject({
      leadDays: 1,
      workingDaysLeft: 0,
    });
  });

  it('sends nothing for a date that has passed or is no longer pending', () => {
    expect(reminderDue(keyDate('2027-01-08'), cal('2027-01-11'))).toBeUndefined();
    for (const status of ['met', 'missed', 'cancelled'] as const) {
      expect(reminderDue(keyDate('2027-01-11', { status }), cal('2027-01-08'))).toBeUndefined();
    }
  });

  it('reminds again when the date moves (a new subject key)', () => {
    const before = reminderDue(keyDate('2027-01-11'), cal('2027-01-04'));
    const moved = reminderDue(keyDate('2027-01-12'), cal('2027-01-05'));
    expect(before?.leadDays).toBe(moved?.leadDays);
    expect(before?.subjectKey).not.toBe(moved?.subjectKey);
  });

  it('gives at most one reminder per date, in the order given', () => {
    const due = dueReminders(
      [
        keyDate('2027-01-12', { id: 'a' }),
        keyDate('2027-06-01', { id: 'far' }),
        keyDate('2027-01-11', { id: 'b' }),
        keyDate('2027-01-01', { id: 'past' }),
      ],
      cal('2027-01-11'),
    );
    expect(due.map((d) => [d.keyDateId, d.leadDays])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
});

describe('missedKeyDates', () => {
  it('lists pending dates before today, keyed by date and due date', () => {
    const missed = missedKeyDates(
      [
        keyDate('2027-01-08', { id: 'yesterday' }),
        keyDate('2027-01-11', { id: 'today' }),
        keyDate('2027-01-04', { id: 'met', status: 'met' }),
        keyDate('2027-01-04', { id: 'cancelled', status: 'cancelled' }),
        keyDate('2027-01-04', { id: 'marked-missed', status: 'missed' }),
      ],
      '2027-01-11',
    );
    expect(missed).toEqual([
      { keyDateId: 'yesterday', dueDate: '2027-01-08', subjectKey: 'yesterday:2027-01-08' },
    ]);
  });
});

describe('the words of key-date alerts', () => {
  it('names the case reference, the kind and the date, never the description', () => {
    expect(
      describeReminder({
        caseReference: 'CL-2027-000001',
        kind: 'appeal-deadline',
        dueDate: '2027-01-08',
        workingDaysLeft: 5,
        today: '2027-01-01',
      }),
    ).toBe('Key date on CL-2027-000001: appeal deadline in 5 working days (Fri 8 Jan).');
    expect(
      describeReminder({
        caseReference: 'CL-2027-000001',
        kind: 'hearing',
        dueDate: '2027-01-04',
        workingDaysLeft: 1,
        today: '2026-12-31',
      }),
    ).toBe('Key date on CL-2027-000001: hearing in 1 working day (Mon 4 Jan 2027).');
    expect(
      describeReminder({
        caseReference: 'CL-2027-000001',
        kind: 'hearing',
        dueDate: '2027-01-04',
        workingDaysLeft: 0,
        today: '2027-01-04',
      }),
    ).toBe('Key date on CL-2027-000001: hearing is today (Mon 4 Jan).');
    expect(
      describeReminder({
        caseReference: 'CL-2027-000001',
        kind: 'statutory-deadline',
        dueDate: '2027-01-09',
        workingDaysLeft: 0,
        today: '2027-01-08',
      }),
    ).toBe('Key date on CL-2027-000001: statutory deadline falls before the next working day (Sat 9 Jan).');
    expect(
      describeMissed({
        caseReference: 'CL-2027-000001',
        kind: 'hearing',
        dueDate: '2027-01-04',
        today: '2027-01-05',
      }),
    ).toBe('Key date missed on CL-2027-000001: the hearing of Mon 4 Jan has passed and is still pending.');
  });
});
