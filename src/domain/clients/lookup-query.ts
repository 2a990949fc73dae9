/**
 * What a person typed into the client look-up: a date of birth (2026-03-31 or 31/03/2026) or
 * part of a name.
 */
import { normaliseName } from './client-names.ts';

export type LookupQuery =
  | { readonly kind: 'dateOfBirth'; readonly date: string }
  | { readonly kind: 'name'; readonly text: string };

/** Shortest part of a name worth looking up. */
export const MIN_NAME_QUERY = 2;

/** Whether `s` is a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The query's meaning, or undefined when it is too short to look anything up. */
export function parseLookupQuery(q: string): LookupQuery | undefined {
  const text = q.trim();
  if (isCalendarDate(text)) return { kind: 'dateOfBirth', date: text };
  const uk = UK_DATE.exec(text);
  if (uk) {
    const date = `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
    return isCalendarDate(date) ? { kind: 'dateOfBirth', date } : undefined;
  }
  const name = normaliseName(text);
  return name.length >= MIN_NAME_QUERY ? { kind: 'name', text: name } : undefined;
}
