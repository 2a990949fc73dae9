import { describe, expect, it } from 'vitest';
import { keyDateStanding, keyDateWindowEnd, lastDaysFrom, withinLastDays } from './windows.ts';

describe('keyDateWindowEnd', () => {
  it('is 10 working days after today, weekends skipped', () => {
    expect(keyDateWindowEnd('2026-11-26', 10, 'england-and-wales')).toBe('2026-12-10');
  });

  it('skips the nation’s bank holidays', () => {
    // Thu 17 Dec 2026: Fri 18, Mon 21 … Thu 24, Tue 29 (25 Dec, 28 Dec substitute Boxing Day), …
    expect(keyDateWindowEnd('2026-12-17', 10, 'england-and-wales')).toBe('2027-01-05');
    // Scotland also has 2 January (a Saturday in 2027 → substitute Monday 4 January).
    expect(keyDateWindowEnd('2026-12-17', 10, 'scotland')).toBe('2027-01-06');
  });
});

describe('keyDateStanding', () => {
  const today = '2026-11-26';
  const end = '2026-12-10';
  it('is missed before today, due soon from today to the window’s end, later after it', () => {
    expect(keyDateStanding('2026-11-25', today, end)).toBe('missed');
    expect(keyDateStanding(today, today, end)).toBe('due-soon');
    expect(keyDateStanding(end, today, end)).toBe('due-soon');
    expect(keyDateStanding('2026-12-11', today, end)).toBe('later');
  });
});

describe('lastDaysFrom and withinLastDays', () => {
  it('count today and the days before it', () => {
    expect(lastDaysFrom('2026-11-26', 1)).toBe('2026-11-26');
    expect(lastDaysFrom('2026-11-26', 30)).toBe('2026-10-28');
    expect(withinLastDays('2026-10-28', '2026-11-26', 30)).toBe(true);
    expect(withinLastDays('2026-10-27', '2026-11-26', 30)).toBe(false);
    expect(withinLastDays('2026-11-27', '2026-11-26', 30)).toBe(false);
  });

  it('refuses fewer than one day', () => {
    expect(() => lastDaysFrom('2026-11-26', 0)).toThrow(RangeError);
  });
});
