/**
 * The vocabularies a priority policy is written in: bands, client vulnerability levels and
 * impact levels, each in order, with their plain-words labels.
 */

/** Bands, most urgent first. */
export const BANDS = ['red', 'amber', 'green'] as const;
export type Band = (typeof BANDS)[number];
/** 2 for red, 1 for amber, 0 for green: higher is more urgent. */
export const bandRank = (band: Band): number => 2 - BANDS.indexOf(band);
export const BAND_LABELS: Readonly<Record<Band, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const isBand = (value: unknown): value is Band => (BANDS as readonly unknown[]).includes(value);
/**
 * Orders bands red, amber, green (negative when `a` is more urgent than `b`).
 * @example (['green', 'red', 'amber'] as Band[]).sort(compareBands); // ['red', 'amber', 'green']
 */
export const compareBands = (a: Band, b: Band): number => BANDS.indexOf(a) - BANDS.indexOf(b);
/** The band's name with a capital, for sentences: `bandName('amber')` is 'Amber'. */
export const bandName = (band: Band): string => BAND_LABELS[band];

export const VULNERABILITY_LEVELS = [0, 1, 2, 3] as const;
/** Client vulnerability: 0 none known … 3 highest. */
export type VulnerabilityLevel = (typeof VULNERABILITY_LEVELS)[number];
export const isVulnerabilityLevel = (value: unknown): value is VulnerabilityLevel =>
  (VULNERABILITY_LEVELS as readonly unknown[]).includes(value);

/** What happens to the client if the case is not actioned, least serious first. */
export const IMPACT_LEVELS = [
  'none',
  'inconvenience',
  'financial-loss',
  'loss-of-income',
  'loss-of-home',
  'risk-to-liberty-or-safety',
] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const IMPACT_LABELS: Readonly<Record<ImpactLevel, string>> = {
  none: 'no impact',
  inconvenience: 'inconvenience',
  'financial-loss': 'financial loss',
  'loss-of-income': 'loss of income',
  'loss-of-home': 'loss of home',
  'risk-to-liberty-or-safety': 'risk to liberty or safety',
};

/** 0 for none … 5 for risk to liberty or safety. */
export const impactRank = (impact: ImpactLevel): number => IMPACT_LEVELS.indexOf(impact);

export const isImpactLevel = (value: unknown): value is ImpactLevel =>
  (IMPACT_LEVELS as readonly unknown[]).includes(value);
