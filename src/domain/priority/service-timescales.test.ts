import { describe, expect, it } from 'vitest';
import {
  bandDefaultFor,
  DEFAULT_SERVICE_TIMESCALES,
  type ServiceTimescaleSetting,
  timescaleFor,
  timescaleProblems,
  timescaleTable,
} from './service-timescales.ts';

const SETTINGS: ServiceTimescaleSetting[] = [
  { caseTypeId: null, band: 'red', firstContactDays: 2, reviewDays: 4, resolutionDays: 30 },
  { caseTypeId: 'housing', band: 'red', firstContactDays: 1, reviewDays: 3, resolutionDays: 20 },
];

describe('timescaleFor', () => {
  it('prefers the case type’s setting, then the organisation’s, then the built-in default', () => {
    expect(timescaleFor(SETTINGS, 'housing', 'red')).toEqual({
      firstContactDays: 1,
      reviewDays: 3,
      resolutionDays: 20,
      source: 'case-type',
    });
    expect(timescaleFor(SETTINGS, 'debt', 'red')).toMatchObject({ reviewDays: 4, source: 'organisation' });
    expect(timescaleFor(SETTINGS, 'housing', 'amber')).toEqual({
      ...DEFAULT_SERVICE_TIMESCALES.amber,
      source: 'default',
    });
  });

  it('gives shorter timescales to more urgent bands by default', () => {
    const { red, amber, green } = DEFAULT_SERVICE_TIMESCALES;
    for (const field of ['firstContactDays', 'reviewDays', 'resolutionDays'] as const) {
      expect(red[field]).toBeLessThan(amber[field]);
      expect(amber[field]).toBeLessThan(green[field]);
    }
  });
});

describe('timescaleTable', () => {
  it('lists every case type × band', () => {
    const table = timescaleTable(SETTINGS, ['housing', 'debt']);
    expect(table.map((r) => `${r.caseTypeId}/${r.band}/${r.timescale.source}`)).toEqual([
      'housing/red/case-type',
      'housing/amber/default',
      'housing/green/default',
      'debt/red/organisation',
      'debt/amber/default',
      'debt/green/default',
    ]);
  });
});

describe('timescaleProblems', () => {
  it('accepts the defaults', () => {
    for (const t of Object.values(DEFAULT_SERVICE_TIMESCALES)) expect(timescaleProblems(t)).toEqual([]);
  });
  it('names each field that is not a whole number of working days in range', () => {
    expect(
      timescaleProblems({ firstContactDays: 0, reviewDays: 2.5, resolutionDays: 1001 }).map((p) => p.path),
    ).toEqual(['firstContactDays', 'reviewDays', 'resolutionDays']);
  });
  it('refuses a first contact after the resolution, or a review interval longer than it', () => {
    expect(timescaleProblems({ firstContactDays: 10, reviewDays: 20, resolutionDays: 5 })).toEqual([
      { path: 'firstContactDays', message: 'First contact cannot come after the target resolution.' },
      { path: 'reviewDays', message: 'The review interval cannot be longer than the target resolution.' },
    ]);
  });
});

describe('bandDefaultFor', () => {
  it('gives the band default that case types inherit, ignoring case-type settings', () => {
    expect(bandDefaultFor(SETTINGS, 'red')).toEqual({
      firstContactDays: 2,
      reviewDays: 4,
      resolutionDays: 30,
      source: 'organisation',
    });
    expect(bandDefaultFor(SETTINGS, 'green')).toEqual({
      ...DEFAULT_SERVICE_TIMESCALES.green,
      source: 'default',
    });
    expect(bandDefaultFor([SETTINGS[1] as ServiceTimescaleSetting], 'red').source).toBe('default');
  });
});
