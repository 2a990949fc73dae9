/**
 * Priority bands as the caseload views use them: red, amber, green, most urgent first.
 *
 * @example
 * (['green', 'red', 'amber'] as Band[]).sort(compareBands); // ['red', 'amber', 'green']
 */
export const BANDS = ['red', 'amber', 'green'] as const;
export type Band = (typeof BANDS)[number];

const BAND_NAMES: Record<Band, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Orders bands red, amber, green (negative when `a` is more urgent than `b`). */
export const compareBands = (a: Band, b: Band): number => BANDS.indexOf(a) - BANDS.indexOf(b);

/** The band's name with a capital, for sentences: `bandName('amber')` is 'Amber'. */
export const bandName = (band: Band): string => BAND_NAMES[band];
