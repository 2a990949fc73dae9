/**
 * The synthetic caseload's sizes (`caseload seed-demo --size …`). small is also the demo that
 * `npm run demo` loads; team and city are benchmark sizes (bench/README.md).
 */
export type SizeName = 'small' | 'team' | 'city';

export interface SyntheticSize {
  readonly name: SizeName;
  readonly organisation: string;
  /** The domain of generated staff e-mail addresses (unique per size across an installation). */
  readonly emailDomain: string;
  readonly teams: number;
  readonly advisers: number;
  readonly cases: number;
  readonly openCases: number;
  /** How far back the history goes, in days before the as-of date. */
  readonly historyDays: number;
}

export const SIZES: Readonly<Record<SizeName, SyntheticSize>> = {
  small: {
    name: 'small',
    organisation: 'Riverside Advice (demo)',
    emailDomain: 'riverside.example',
    teams: 1,
    advisers: 1,
    cases: 60,
    openCases: 24,
    historyDays: 400,
  },
  team: {
    name: 'team',
    organisation: 'Riverside Advice Team (synthetic)',
    emailDomain: 'team.riverside.example',
    teams: 2,
    advisers: 20,
    cases: 10_000,
    openCases: 2_000,
    historyDays: 3 * 365,
  },
  city: {
    name: 'city',
    organisation: 'City Advice Network (synthetic)',
    emailDomain: 'city-advice.example',
    teams: 25,
    advisers: 300,
    cases: 150_000,
    openCases: 30_000,
    historyDays: 3 * 365,
  },
};

export const isSizeName = (s: string): s is SizeName => s === 'small' || s === 'team' || s === 'city';
