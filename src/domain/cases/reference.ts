/** Human case references: `CL-2026-000123` — prefix, year, six-digit sequence within that year. */
export const REFERENCE_PREFIX = 'CL';

export function formatCaseReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${REFERENCE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

const REFERENCE = /^CL-(\d{4})-(\d{6,})$/;

export function parseCaseReference(text: string): { year: number; sequence: number } | undefined {
  const m = REFERENCE.exec(text.trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : undefined;
}

/** Default case-type taxonomy seeded into every new organisation (editable by its admins). */
export const DEFAULT_CASE_TYPES: readonly { key: string; name: string }[] = [
  { key: 'welfare-benefits', name: 'Welfare benefits' },
  { key: 'debt', name: 'Debt' },
  { key: 'housing', name: 'Housing and homelessness' },
  { key: 'employment', name: 'Employment' },
  { key: 'immigration', name: 'Immigration' },
  { key: 'family', name: 'Family' },
  { key: 'consumer', name: 'Consumer' },
  { key: 'health-community-care', name: 'Health and community care' },
  { key: 'other', name: 'Other' },
];
