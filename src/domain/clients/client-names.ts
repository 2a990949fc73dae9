/**
 * Names of clients as the duplicate check compares them: the same letters whatever their case,
 * spacing or Unicode composition ("Jane  SMITH" and "jane smith" are the same legal name).
 */

/** NFKC, lower case, trimmed, runs of whitespace (including no-break spaces) as one space. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Whether two legal names are the same once case and whitespace are ignored. */
export const sameLegalName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);

export interface DuplicateCandidate {
  readonly id: string;
  readonly legalName: string;
  readonly dateOfBirth: string | null;
}

/**
 * The existing clients that may be the same person as a new one: same legal name (ignoring case
 * and whitespace) and same date of birth. Without a date of birth there is nothing to compare.
 */
export function possibleDuplicates<C extends DuplicateCandidate>(
  incoming: { readonly legalName: string; readonly dateOfBirth: string | null | undefined },
  existing: readonly C[],
): C[] {
  const dob = incoming.dateOfBirth;
  if (!dob) return [];
  return existing.filter((c) => c.dateOfBirth === dob && sameLegalName(c.legalName, incoming.legalName));
}
