import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, fromEpochDay, toEpochDay } from './calendar.ts';
import { NEAR_BREACH_SHARE, timescaleStatus } from './timescales.ts';
import { UK_NATIONS } from './working-days.ts';

const EW = 'england-and-wales' as const;

describe('timescaleStatus', () => {
  // Mon 7 Jun 2027, 10 working days → Mon 21 Jun 2027 (no holidays in between).
  const base = { start: '2027-06-07', workingDays: 10, nation: EW };

  it('is within the timescale at the start, with the whole timescale left', () => {
    expect(timescaleStatus({ ...base, today: '2027-06-07' })).toEqual({
      dueDate: '2027-06-21',
      workingDaysLeft: 10,
      elapsedShare: 0,
      status: 'within',
    });
  });

  it('turns near at 75 % elapsed and stays near up to and including the due date', () => {
    expect(timescaleStatus({ ...base, today: '2027-06-15' })).toMatchObject({
      elapsedShare: 0.6,
      status: 'within',
    });
    expect(timescaleStatus({ ...base, today: '2027-06-16' })).toMatchObject({
      elapsedShare: 0.7,
      workingDaysLeft: 3,
      status: 'within',
    });
    // Exactly 75 % of a 20-day timescale is near.
    expect(timescaleStatus({ ...base, workingDays: 20, today: '2027-06-28' })).toMatchObject({
      elapsedShare: 0.75,
      status: 'near',
    });
    expect(timescaleStatus({ ...base, today: '2027-06-17' })).toMatchObject({
      elapsedShare: 0.8,
      status: 'near',
    });
    expect(timescaleStatus({ ...base, today: '2027-06-21' })).toMatchObject({
      workingDaysLeft: 0,
      elapsedShare: 1,
      status: 'near',
    });
  });

  it('is breached the day after the due date, with negative days left', () => {
    expect(timescaleStatus({ ...base, today: '2027-06-22' })).toMatchObject({
      workingDaysLeft: -1,
      elapsedShare: 1.1,
      status: 'breached',
    });
  });

  it('is breached on a weekend straight after a Friday due date, with 0 working days left', () => {
    const friday = { start: '2027-06-07', workingDays: 4, nation: EW }; // due Fri 11 Jun
    expect(timescaleStatus({ ...friday, today: '2027-06-11' }).status).toBe('near');
    expect(timescaleStatus({ ...friday, today: '2027-06-12' })).toMatchObject({
      dueDate: '2027-06-11',
      workingDaysLeft: 0,
      elapsedShare: 1,
      status: 'breached',
    });
  });

  it('does not count weekends or bank holidays as time elapsed', () => {
    // Mon 20 Dec 2027, 5 working days: Tue–Fri, then Mon 27 and Tue 28 are substitute days.
    const christmas = { start: '2027-12-20', workingDays: 5, nation: EW };
    expect(timescaleStatus({ ...christmas, today: '2027-12-24' })).toEqual({
      dueDate: '2027-12-29',
      workingDaysLeft: 1,
      elapsedShare: 0.8,
      status: 'near',
    });
    expect(timescaleStatus({ ...christmas, today: '2027-12-28' })).toMatchObject({
      workingDaysLeft: 1,
      elapsedShare: 0.8,
    });
  });

  it('uses the nation’s holidays', () => {
    // Fri 27 Nov 2026 + 2 working days: Mon 30 Nov is St Andrew's Day in Scotland.
    const start = { start: '2026-11-27', workingDays: 2, today: '2026-11-30' };
    expect(timescaleStatus({ ...start, nation: EW })).toMatchObject({
      dueDate: '2026-12-01',
      elapsedShare: 0.5,
    });
    expect(timescaleStatus({ ...start, nation: 'scotland' })).toMatchObject({
      dueDate: '2026-12-02',
      elapsedShare: 0,
    });
  });

  it('counts from a start on a non-working day as from the next working day', () => {
    // Opened Sat 5 Jun 2027: the first working day is Mon 7 Jun, which is day 1.
    expect(timescaleStatus({ start: '2027-06-05', workingDays: 5, today: '2027-06-07', nation: EW })).toEqual(
      {
        dueDate: '2027-06-11',
        workingDaysLeft: 4,
        elapsedShare: 0.2,
        status: 'within',
      },
    );
  });

  it('treats a today before the start as nothing elapsed', () => {
    expect(timescaleStatus({ ...base, today: '2027-06-01' })).toMatchObject({
      elapsedShare: 0,
      workingDaysLeft: 14,
      status: 'within',
    });
  });

  it('accepts another near threshold', () => {
    expect(timescaleStatus({ ...base, today: '2027-06-14', nearShare: 0.5 }).status).toBe('near');
    expect(timescaleStatus({ ...base, today: '2027-06-11', nearShare: 0.5 }).status).toBe('within');
    expect(NEAR_BREACH_SHARE).toBe(0.75);
  });

  it('refuses a timescale that is not a whole number of days ≥ 1, or a bad threshold', () => {
    expect(() => timescaleStatus({ ...base, workingDays: 0, today: '2027-06-07' })).toThrow(RangeError);
    expect(() => timescaleStatus({ ...base, workingDays: 2.5, today: '2027-06-07' })).toThrow(RangeError);
    expect(() => timescaleStatus({ ...base, today: '2027-06-07', nearShare: 1.5 })).toThrow(RangeError);
    expect(() => timescaleStatus({ ...base, today: '2027-06-07', nearShare: Number.NaN })).toThrow(
      RangeError,
    );
    expect(() => timescaleStatus({ ...base, today: '7 June 2027' })).toThrow(RangeError);
  });

  it('is consistent: breached exactly after the due date, days left and elapsed add up', () => {
    const day = fc
      .integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2030-12-31') })
      .map((e) => fromEpochDay(e));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(...UK_NATIONS),
        (start, workingDays, after, nation) => {
          const today = addCalendarDays(start, after);
          const s = timescaleStatus({ start, workingDays, today, nation });
          const elapsed = s.elapsedShare * workingDays;
          return (
            (s.status === 'breached') === today > s.dueDate &&
            Math.round(elapsed) + s.workingDaysLeft === workingDays &&
            (s.status !== 'within' || s.elapsedShare < 0.75)
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
