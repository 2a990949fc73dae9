/**
 * Retention of closed cases and the redaction of a client's identifiers from free text: pure rules.
 */
import { addCalendarMonths, type CalendarDate, daysInMonth, fromParts } from '../time/calendar.ts';

/** Years a closed case is kept when its type has no schedule of its own. */
export const DEFAULT_RETENTION_YEARS = 6;

/**
 * The day a closed case's personal data becomes due for destruction: `years` after the day it
 * closed (29 February → 28 February in a common year).
 * @example destructionDate('2026-11-24', 6) // '2032-11-24'
 * @example destructionDate('2028-02-29', 1) // '2029-02-28'
 */
export function destructionDate(closedOn: CalendarDate, years: number): CalendarDate {
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`years must be a whole number ≥ 1: ${years}`);
  return addCalendarMonths(closedOn, years * 12);
}

/** A month as 'YYYY-MM'. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The last day of a review month: the monthly retention review lists every case due on or before it
 * (cases due in earlier months and not yet decided stay on the list).
 * @example reviewMonthEnd('2027-02') // '2027-02-28'
 */
export function reviewMonthEnd(month: string): CalendarDate {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return fromParts(year, mon, daysInMonth(year, mon));
}

/** The month ('YYYY-MM') a date falls in. */
export const monthOf = (date: CalendarDate): string => date.slice(0, 7);

/** A client's identifiers, as recorded. */
export interface ClientIdentifiers {
  readonly legalName: string;
  readonly preferredName: string | null;
  readonly dateOfBirth: CalendarDate | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
}

const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** Any run of spaces, hyphens or dots may separate the characters of a number as people write it. */
const looseDigits = (s: string) =>
  s
    .replace(/[\s.-]/g, '')
    .split('')
    .map(escapeRegex)
    .join('[\\s.-]*');

/**
 * PostgreSQL regular expressions (case-insensitive use) that find the client's identifiers in free
 * text recorded elsewhere: the names (words separated by any whitespace), email, phone number (any
 * spacing), date of birth (ISO and day/month/year, with / . or -), address lines. Identifiers
 * shorter than 3 characters are skipped (they would match ordinary words).
 * @example identifierPatterns({ legalName: 'Ann Lee', preferredName: null, dateOfBirth: null,
 *   email: null, phone: '07700 900123', address: null }) // ['Ann\\s+Lee', '0[\\s.-]*7…']
 */
export function identifierPatterns(id: ClientIdentifiers): string[] {
  const out: string[] = [];
  const words = (s: string | null) => {
    const parts = (s ?? '').trim().split(/\s+/).filter(Boolean);
    if (parts.join(' ').length >= 3) out.push(parts.map(escapeRegex).join('\\s+'));
  };
  words(id.legalName);
  words(id.preferredName);
  if (id.email && id.email.trim().length >= 3) out.push(escapeRegex(id.email.trim()));
  if (id.phone && id.phone.replace(/\D/g, '').length >= 6) out.push(looseDigits(id.phone));
  if (id.dateOfBirth) {
    const [y, m, d] = id.dateOfBirth.split('-');
    out.push(escapeRegex(id.dateOfBirth));
    out.push(`0?${Number(d)}[/.-]0?${Number(m)}[/.-]${y}`);
  }
  for (const line of (id.address ?? '').split(/[,\n]/)) words(line);
  return [...new Set(out)];
}

/** What replaces an erased identifier in text that is kept. */
export const ERASED_TEXT = '[erased]';

/**
 * Audit event types whose details hold free text that may name a client, and which fields. Every
 * other event holds ids, counts, codes and field names only. Erasure replaces these fields of the
 * events about the erased case with `{ erased: <tombstone id> }` (the row keeps its hash; the
 * verifier accounts for it through the `case.erased` event). Keep this list in step with the
 * services: a new free-text audit field must be added here.
 */
export const AUDIT_FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'case.break_glass': ['reason'],
};
