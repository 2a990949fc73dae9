import { describe, expect, it } from 'vitest';
import { externalFactorProblems, factorIdsByPeriod, lastDayOf, overlaps } from './external-factors.ts';

const f = (id: string, startsOn: string, endsOn: string | null = null) => ({ id, startsOn, endsOn });

describe('overlaps', () => {
  it('touches a period when any of its days is in it (both ends inclusive)', () => {
    expect(overlaps(f('x', '2026-12-24', '2027-01-02'), '2026-12-28', '2027-01-03')).toBe(true);
    expect(overlaps(f('x', '2026-12-20', '2026-12-21'), '2026-12-21', '2026-12-27')).toBe(true);
    expect(overlaps(f('x', '2026-12-27', '2027-01-05'), '2026-12-21', '2026-12-27')).toBe(true);
  });

  it('does not touch a period it ends before or starts after', () => {
    expect(overlaps(f('x', '2026-12-01', '2026-12-20'), '2026-12-21', '2026-12-27')).toBe(false);
    expect(overlaps(f('x', '2026-12-28'), '2026-12-21', '2026-12-27')).toBe(false);
  });

  it('treats a factor without an end as one day', () => {
    expect(lastDayOf(f('x', '2026-12-25'))).toBe('2026-12-25');
    expect(overlaps(f('x', '2026-12-25'), '2026-12-21', '2026-12-27')).toBe(true);
    expect(overlaps(f('x', '2026-12-25'), '2026-12-26', '2027-01-01')).toBe(false);
  });
});

describe('factorIdsByPeriod', () => {
  it('names the factors of each period in the order given', () => {
    const weeks = [
      { from: '2026-12-14', to: '2026-12-20' },
      { from: '2026-12-21', to: '2026-12-27' },
      { from: '2026-12-28', to: '2027-01-03' },
    ];
    const ids = factorIdsByPeriod(
      [f('closure', '2026-12-24', '2027-01-02'), f('policy', '2026-12-15'), f('later', '2027-02-01')],
      weeks,
    );
    expect(ids).toEqual([['policy'], ['closure'], ['closure']]);
  });
});

describe('externalFactorProblems', () => {
  const draft = { startsOn: '2026-12-01', endsOn: null, teamId: null, userId: null };

  it('accepts a one-day factor and one whose last day is its first', () => {
    expect(externalFactorProblems(draft)).toEqual([]);
    expect(externalFactorProblems({ ...draft, endsOn: '2026-12-01' })).toEqual([]);
  });

  it('refuses a last day before the first, naming endsOn', () => {
    expect(externalFactorProblems({ ...draft, endsOn: '2026-11-30' })).toEqual([
      { field: 'endsOn', message: 'The last day must be on or after the first day (2026-12-01)' },
    ]);
  });

  it('refuses malformed dates', () => {
    expect(externalFactorProblems({ ...draft, startsOn: '2026-13-01' }).map((p) => p.field)).toEqual([
      'startsOn',
    ]);
    expect(externalFactorProblems({ ...draft, endsOn: 'soon' }).map((p) => p.field)).toEqual(['endsOn']);
  });

  it('refuses a team and a person together, naming userId', () => {
    expect(externalFactorProblems({ ...draft, teamId: 't', userId: 'u' }).map((p) => p.field)).toEqual([
      'userId',
    ]);
  });

  it('lists every problem at once', () => {
    expect(
      externalFactorProblems({ startsOn: '2026-12-01', endsOn: '2026-11-01', teamId: 't', userId: 'u' }),
    ).toHaveLength(2);
  });
});
