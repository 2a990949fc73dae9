/**
 * Patterns for identifiers that are not names: e-mail addresses, links, dates, National Insurance
 * numbers, bank details, phone numbers, NHS numbers, postcodes, street addresses and the reference
 * numbers of other systems. Each rule says what it replaces and with what; `applyRules` runs them
 * in order (the order matters: an e-mail address is removed before its digits look like a phone
 * number, a date before its digits look like a sort code).
 *
 * The patterns lean towards removing too much: a reference-like word removed by mistake costs a
 * little readability, an identifier left in costs a person's privacy.
 */
import type { CalendarDate } from '../time/calendar.ts';
import { ageBand, formatRelativeDay, MONTH_PATTERN, monthNumber, relativeDay, resolveDate } from './dates.ts';

export type IdentifierKind =
  | 'name'
  | 'email'
  | 'link'
  | 'date-of-birth'
  | 'date'
  | 'ni-number'
  | 'sort-code'
  | 'bank-account'
  | 'phone'
  | 'nhs-number'
  | 'postcode'
  | 'address'
  | 'reference'
  | 'known-identifier';

/** What dates in one piece of text are measured from. */
export interface DateContext {
  /** Day 0: the date the case was opened. */
  readonly anchor: CalendarDate;
  /** When the text was written (a note's date); ages and year-less dates are read against it. */
  readonly reference: CalendarDate;
  /** Dates of birth of the people in the export: these become an age band wherever they appear. */
  readonly datesOfBirth: readonly CalendarDate[];
}

export interface Rule {
  readonly kind: IdentifierKind;
  /** Runs before names are replaced: an e-mail address or a link can contain a name. */
  readonly beforeNames?: boolean;
  readonly pattern: RegExp;
  /** The replacement text, or undefined to keep the match. */
  readonly replace: (
    m: RegExpExecArray,
    dates: DateContext,
  ) => { kind: IdentifierKind; text: string } | undefined;
}

const B = '(?<![\\p{L}\\p{N}])'; // no letter or digit before
const E = '(?![\\p{L}\\p{N}])'; // no letter or digit after

const fixed =
  (kind: IdentifierKind, text: string): Rule['replace'] =>
  () => ({ kind, text });

// Hosts whose pages are public guidance, kept when the link has no query string (a query string or
// fragment can carry a claim number or a name). Everything else — social media, personal sites,
// document links — is removed.
const PUBLIC_HOSTS = /(^|\.)(gov\.uk|legislation\.gov\.uk|nhs\.uk|citizensadvice\.org\.uk|ofcom\.org\.uk)$/i;

function replaceLink(m: RegExpExecArray): { kind: IdentifierKind; text: string } | undefined {
  const url = m[0].replace(/[.,;:!?)]+$/, '');
  const host = /^(?:https?:\/\/)?([^/?#:]+)/i.exec(url)?.[1] ?? '';
  if (PUBLIC_HOSTS.test(host) && !/[?#@]/.test(url)) return undefined;
  return { kind: 'link', text: `[link removed]${m[0].slice(url.length)}` };
}

const DOB_CONTEXT = /(?:\bDOB|\bD\.O\.B\.?|date of birth|\bborn(?: on)?|\bbirthday)\W{0,6}$/i;

function replaceDate(
  parts: { day: number; month: number; year?: number; twoDigitYear?: boolean },
  m: RegExpExecArray,
  dates: DateContext,
  numeric = false,
): { kind: IdentifierKind; text: string } | undefined {
  const date = resolveDate(parts, dates.reference);
  // Digits that make no date (12-34-56) are left for the later rules (a sort code).
  const dateLike = parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= 31;
  if (!date && numeric && !dateLike) return undefined;
  const before = m.input.slice(Math.max(0, m.index - 30), m.index);
  if (date && (dates.datesOfBirth.includes(date) || DOB_CONTEXT.test(before))) {
    return { kind: 'date-of-birth', text: `[date of birth removed; aged ${ageBand(date, dates.reference)}]` };
  }
  if (DOB_CONTEXT.test(before)) return { kind: 'date-of-birth', text: '[date of birth removed]' };
  if (!date) return { kind: 'date', text: '[date removed]' };
  return { kind: 'date', text: `[${formatRelativeDay(relativeDay(date, dates.anchor))}]` };
}

/**
 * NHS number check digit: modulus 11 over the first nine digits weighted 10…2 (NHS Data
 * Dictionary, "NHS Number"). A remainder giving 10 means the number is invalid.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** The rules, in the order they run. */
export const RULES: readonly Rule[] = [
  {
    // E-mail: the practical form of RFC 5322 addr-spec used by the WHATWG HTML "valid e-mail address".
    kind: 'email',
    beforeNames: true,
    pattern:
      /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+/gu,
    replace: fixed('email', '[email removed]'),
  },
  {
    kind: 'link',
    beforeNames: true,
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu,
    replace: replaceLink,
  },
  {
    // ISO 8601 calendar date: 1961-02-03.
    kind: 'date',
    pattern: new RegExp(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, 'gu'),
    replace: (m, d) =>
      replaceDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m, d, true),
  },
  {
    // UK numeric dates, day first: 03/02/1961, 3.2.61, 03-02-1961.
    kind: 'date',
    pattern: new RegExp(`${B}(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${E}`, 'gu'),
    replace: (m, d) =>
      replaceDate(
        { day: Number(m[1]), month: Number(m[3]), year: Number(m[4]), twoDigitYear: m[4]?.length === 2 },
        m,
        d,
        true,
      ),
  },
  {
    // 3 February 1961, 3rd Feb '61, 3 Feb — a day and a month name, with or without the year.
    kind: 'date',
    pattern: new RegExp(
      `${B}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})(?:,?\\s+(\\d{4}|'\\d{2}))?${E}`,
      'giu',
    ),
    replace: (m, d) => replaceDate(textualParts(m[1], m[2], m[3]), m, d),
  },
  {
    // February 3, 1961 / February 3rd — month first.
    kind: 'date',
    pattern: new RegExp(
      `${B}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`,
      'giu',
    ),
    // "may 3" in lower case without a year is more likely the verb than a date.
    replace: (m, d) =>
      m[1] === m[1]?.toLowerCase() && !m[3] ? undefined : replaceDate(textualParts(m[2], m[1], m[3]), m, d),
  },
  {
    // UK phone numbers (Ofcom National Telephone Numbering Plan: 0 + 9 or 10 digits; +44 or 0044
    // instead of the 0, with or without "(0)"), written with spaces, dashes or brackets:
    // 07700 900123, 07700-900-123, +44 7700 900123, +44 (0)20 7946 0000, (0114) 496 0000.
    kind: 'phone',
    pattern: /(?<![\d+])(?:(?:\+\s?44|0044)[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:\)?[\s-]?\d){8,9}(?!\d)/gu,
    replace: fixed('phone', '[phone removed]'),
  },
  {
    // Other international numbers: + and 8 to 15 digits (ITU-T E.164).
    kind: 'phone',
    pattern: /(?<![\d+])\+\d(?:[\s-]?\d){7,14}(?!\d)/gu,
    replace: fixed('phone', '[phone removed]'),
  },
  {
    // National Insurance number: two letters, six digits in pairs, a suffix A–D (HMRC National
    // Insurance Manual NIM39110). Deliberately looser than HMRC's allocation rules (which exclude
    // prefixes such as QQ, the one used in examples): any two letters, spaces or dashes between pairs,
    // suffix optional — so example, temporary and mistyped numbers are caught too.
    kind: 'ni-number',
    pattern: new RegExp(`${B}[A-Z]{2}[\\s-]?\\d{2}[\\s-]?\\d{2}[\\s-]?\\d{2}(?:[\\s-]?[A-D])?${E}`, 'giu'),
    replace: fixed('ni-number', '[NI number removed]'),
  },
  {
    // Sort code: 12-34-56, or six digits after the words "sort code" (Pay.UK sort codes are 6 digits).
    kind: 'sort-code',
    pattern: /(?<!\d)\d{2}-\d{2}-\d{2}(?![\d-])|(?<=sort\s?code:?\s{0,3})\d{2}\s?\d{2}\s?\d{2}(?!\d)/giu,
    replace: fixed('sort-code', '[sort code removed]'),
  },
  {
    // Account numbers after the words that introduce them, spaces allowed (UK accounts have 8 digits).
    kind: 'bank-account',
    pattern: /(?<=\b(?:account|acc|a\/c)(?:\s(?:no\.?|number))?:?\s{0,3})\d[\d\s-]{4,14}\d(?!\d)/giu,
    replace: fixed('bank-account', '[account number removed]'),
  },
  {
    // NHS number: ten digits, usually 3 3 4 (NHS Data Dictionary). Valid check digit → NHS number;
    // any other ten-digit number is removed as a number too.
    kind: 'nhs-number',
    pattern: /(?<![\d£$.,])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d.,]\d|\d)/gu,
    replace: (m) =>
      isValidNhsNumber(m[0].replace(/\D/g, ''))
        ? { kind: 'nhs-number', text: '[NHS number removed]' }
        : { kind: 'reference', text: '[number removed]' },
  },
  {
    // UK postcode: the pattern in the UK Government Data Standards Catalogue (Cabinet Office, "Postcode"),
    // any case, optional space; also the special GIR 0AA.
    kind: 'postcode',
    pattern:
      /(?<![A-Za-z0-9])(?:GIR\s?0AA|(?:[A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z]?)\s?[0-9][A-Z]{2})(?![A-Za-z0-9])/giu,
    replace: fixed('postcode', '[postcode removed]'),
  },
  {
    // A street address: a house number (optionally a flat before it), one to three capitalised words
    // (or a name already replaced: "12 Quillfeather Road") and a street word. The town after it is kept.
    kind: 'address',
    pattern: new RegExp(
      `${B}(?:(?:Flat|Apartment|Apt|Unit|Room)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:(?:[A-Z][\\p{L}'’-]+|\\uE000[\\uE010-\\uE01F]+\\uE001)\\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|Cres|Place|Pl|Gardens|Gdns|Terrace|Grove|Hill|Square|Sq|Walk|Row|Mews|Park|Rise|View|Parade|Green|Vale|Estate|Wharf|Yard|Approach|Boulevard|Gate|Heights)\\.?${E}`,
      'gu',
    ),
    replace: fixed('address', '[address removed]'),
  },
  {
    // References of other systems: a word of six or more letters, digits, / and - with at least one
    // letter and at least three digits (DWP and HMRC references, tribunal SC numbers, court claim
    // numbers, council account references, our own CL-2026-000123).
    kind: 'reference',
    pattern: new RegExp(
      `${B}(?=[A-Za-z0-9/-]*[A-Za-z])(?=(?:[A-Za-z/-]*\\d){3})[A-Za-z0-9][A-Za-z0-9/-]{4,}[A-Za-z0-9]${E}`,
      'gu',
    ),
    replace: fixed('reference', '[reference removed]'),
  },
  {
    // Any other run of six or more digits (account, claim, customer numbers). Money keeps its digits
    // because amounts are written with £ and separators (£1,234.56).
    kind: 'reference',
    pattern: /(?<![\d£$.,])\d{6,}(?![\d])/gu,
    replace: fixed('reference', '[number removed]'),
  },
  {
    // Numbers written in groups with dashes or slashes (2402-3-5678, 123/4567/89): seven or more
    // digits in all. A range of years (2019-2020, 1998/99) is kept.
    kind: 'reference',
    pattern: /(?<![\p{L}\p{N}£$.,/-])\d+(?:[/-]\d+)+(?![\p{L}\p{N}]|[/-]\d)/gu,
    replace: (m) => {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 7 || /^(?:19|20)\d{2}[/-](?:(?:19|20)\d{2}|\d{2})$/.test(m[0])) return undefined;
      return { kind: 'reference', text: '[number removed]' };
    },
  },
];

function textualParts(day: string | undefined, month: string | undefined, year: string | undefined) {
  const y = year?.replace("'", '');
  return {
    day: Number(day),
    month: monthNumber(month ?? '') ?? 0,
    year: y ? Number(y) : undefined,
    twoDigitYear: y?.length === 2,
  };
}
