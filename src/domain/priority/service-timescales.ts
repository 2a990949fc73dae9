/**
 * Service timescales: how soon, in working days, a case of a given type and band must have its
 * first contact, how often it must be reviewed (have attention) and by when it should be
 * resolved. An organisation sets them per band, and may set them per case type and band; the
 * built-in defaults fill every gap.
 */
import { BANDS, type Band } from './levels.ts';
import type { Problem } from './policy.ts';

export interface ServiceTimescale {
  /** From opening to the first contact with the client. */
  readonly firstContactDays: number;
  /** The longest a case may go without attention. */
  readonly reviewDays: number;
  /** From opening to the target resolution. */
  readonly resolutionDays: number;
}

/** One stored setting: for a case type, or (caseTypeId null) the organisation's default for a band. */
export interface ServiceTimescaleSetting extends ServiceTimescale {
  readonly caseTypeId: string | null;
  readonly band: Band;
}

/**
 * The built-in timescales, in working days: red cases are contacted the next working day and
 * reviewed weekly, amber within 3 days and fortnightly, green within a week and every four weeks.
 */
export const DEFAULT_SERVICE_TIMESCALES: Readonly<Record<Band, ServiceTimescale>> = {
  red: { firstContactDays: 1, reviewDays: 5, resolutionDays: 40 },
  amber: { firstContactDays: 3, reviewDays: 10, resolutionDays: 60 },
  green: { firstContactDays: 5, reviewDays: 20, resolutionDays: 90 },
};

export type TimescaleSource = 'case-type' | 'organisation' | 'default';

export interface EffectiveTimescale extends ServiceTimescale {
  /** Where it comes from: a setting for the case type, the organisation's band default, or built in. */
  readonly source: TimescaleSource;
}

/**
 * The timescale that applies to a case of `caseTypeId` in `band`: the case type's setting, else
 * the organisation's setting for the band, else the built-in default.
 * @example timescaleFor([], 'type-1', 'red') // { firstContactDays: 1, reviewDays: 5, resolutionDays: 40, source: 'default' }
 */
export function timescaleFor(
  settings: readonly ServiceTimescaleSetting[],
  caseTypeId: string,
  band: Band,
): EffectiveTimescale {
  const own = settings.find((s) => s.band === band && s.caseTypeId === caseTypeId);
  if (own) return pick(own, 'case-type');
  const org = settings.find((s) => s.band === band && s.caseTypeId === null);
  if (org) return pick(org, 'organisation');
  return { ...DEFAULT_SERVICE_TIMESCALES[band], source: 'default' };
}

const pick = (s: ServiceTimescale, source: TimescaleSource): EffectiveTimescale => ({
  firstContactDays: s.firstContactDays,
  reviewDays: s.reviewDays,
  resolutionDays: s.resolutionDays,
  source,
});

/** The full table for a set of case types: every type × band, with where each value comes from. */
export function timescaleTable(
  settings: readonly ServiceTimescaleSetting[],
  caseTypeIds: readonly string[],
): { caseTypeId: string; band: Band; timescale: EffectiveTimescale }[] {
  return caseTypeIds.flatMap((caseTypeId) =>
    BANDS.map((band) => ({ caseTypeId, band, timescale: timescaleFor(settings, caseTypeId, band) })),
  );
}

const LIMITS: Readonly<Record<keyof ServiceTimescale, number>> = {
  firstContactDays: 250,
  reviewDays: 250,
  resolutionDays: 1000,
};

const WORDS: Readonly<Record<keyof ServiceTimescale, string>> = {
  firstContactDays: 'First contact',
  reviewDays: 'Review interval',
  resolutionDays: 'Target resolution',
};

/**
 * Every problem with a timescale, by field: whole numbers of working days within limits, first
 * contact no later than the target resolution, and a review interval no longer than it.
 * @example timescaleProblems({ firstContactDays: 0, reviewDays: 5, resolutionDays: 40 })
 * // [{ path: 'firstContactDays', message: 'First contact must be a whole number of working days from 1 to 250.' }]
 */
export function timescaleProblems(t: ServiceTimescale): Problem[] {
  const problems: Problem[] = [];
  for (const field of Object.keys(LIMITS) as (keyof ServiceTimescale)[]) {
    const value = t[field];
    if (!Number.isInteger(value) || value < 1 || value > LIMITS[field]) {
      problems.push({
        path: field,
        message: `${WORDS[field]} must be a whole number of working days from 1 to ${LIMITS[field]}.`,
      });
    }
  }
  if (problems.length > 0) return problems;
  if (t.firstContactDays > t.resolutionDays) {
    problems.push({
      path: 'firstContactDays',
      message: 'First contact cannot come after the target resolution.',
    });
  }
  if (t.reviewDays > t.resolutionDays) {
    problems.push({
      path: 'reviewDays',
      message: 'The review interval cannot be longer than the target resolution.',
    });
  }
  return problems;
}

/**
 * The organisation's default for a band, which every case type without its own setting inherits:
 * its setting for the band (caseTypeId null), else the built-in default.
 * @example bandDefaultFor([], 'green') // { firstContactDays: 5, reviewDays: 20, resolutionDays: 90, source: 'default' }
 */
export function bandDefaultFor(
  settings: readonly ServiceTimescaleSetting[],
  band: Band,
): EffectiveTimescale & { readonly source: 'organisation' | 'default' } {
  const org = settings.find((s) => s.band === band && s.caseTypeId === null);
  return org
    ? { ...pick(org, 'organisation'), source: 'organisation' }
    : { ...DEFAULT_SERVICE_TIMESCALES[band], source: 'default' };
}
