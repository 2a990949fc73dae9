/**
 * The pseudonymiser of one anonymised export. Given the people the selected cases are about or
 * written by, it gives each a pseudonym — "Client A", "Family member 1", "Third party 2",
 * "Staff member 1" — and rewrites free text so that their names (see names.ts) and identifiers
 * (see identifiers.ts) no longer appear.
 *
 * Pseudonyms are consistent within one export: the same person has the same pseudonym in every
 * note, field and case of it. They are not consistent between exports: which client becomes
 * "Client A" depends on a seed the service draws at random for each export and never stores, so two
 * exports cannot be joined to follow a person, and a pseudonym cannot be traced back from the export.
 * We chose labels over generated plausible names: a label cannot be mistaken for, or coincide with,
 * a real person, and it says the person's part in the case.
 */
import type { CalendarDate } from '../time/calendar.ts';
import { type DateContext, type IdentifierKind, RULES, type Rule } from './identifiers.ts';
import { createNameMatcher, findUnknownNames } from './names.ts';

export type PersonRole = 'client' | 'family' | 'third-party' | 'staff';

/** An identifier held for a person, removed literally wherever it appears, however it is spaced. */
export interface KnownIdentifier {
  readonly kind: 'phone' | 'email' | 'address' | 'ni-number' | 'nhs-number' | 'reference';
  readonly value: string;
}

export interface KnownPerson {
  /** A stable key (e.g. "client:<id>", "user:<id>"); never shown. */
  readonly key: string;
  readonly role: PersonRole;
  /** Every name they are known by (legal, preferred, display name). */
  readonly names: readonly string[];
  readonly dateOfBirth?: CalendarDate | null;
  readonly identifiers?: readonly KnownIdentifier[];
}

export interface PseudonymiserOptions {
  readonly people: readonly KnownPerson[];
  /** Decides which person gets which pseudonym; random per export. */
  readonly seed: string;
}

export interface Pseudonymiser {
  /** The pseudonym of a known person; "[name removed]" for a key not given at creation. */
  pseudonymOf(key: string): string;
  /** `value` with every known name and every identifier replaced. */
  text(value: string, dates: Omit<DateContext, 'datesOfBirth'>): string;
  /** How many replacements of each kind were made so far (for the audit event: counts only). */
  counts(): Readonly<Partial<Record<IdentifierKind, number>>>;
}

const ROLE_LABEL: Record<PersonRole, (n: number) => string> = {
  client: (n) => `Client ${letters(n)}`,
  family: (n) => `Family member ${n}`,
  'third-party': (n) => `Third party ${n}`,
  staff: (n) => `Staff member ${n}`,
};

const KNOWN_TEXT: Record<KnownIdentifier['kind'], string> = {
  phone: '[phone removed]',
  email: '[email removed]',
  address: '[address removed]',
  'ni-number': '[NI number removed]',
  'nhs-number': '[NHS number removed]',
  reference: '[reference removed]',
};

/** 1 → A, 26 → Z, 27 → AA (as spreadsheet columns). */
export function letters(n: number): string {
  let out = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    k = Math.floor((k - 1) / 26);
  }
  return out;
}

/** FNV-1a, 32 bits: a fast, well-spread string hash (not a secret by itself; the seed is). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Assigns pseudonyms: within each role, people are numbered in an order decided by the seed. */
export function assignPseudonyms(people: readonly KnownPerson[], seed: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const role of Object.keys(ROLE_LABEL) as PersonRole[]) {
    const ofRole = [...new Map(people.filter((p) => p.role === role).map((p) => [p.key, p])).values()];
    ofRole
      .map((p) => ({ key: p.key, rank: fnv1a(`${seed}\u0000${p.key}`) }))
      .sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key))
      .forEach((p, i) => {
        if (!out.has(p.key)) out.set(p.key, ROLE_LABEL[role](i + 1));
      });
  }
  return out;
}

/** Creates the pseudonymiser of one export. */
export function createPseudonymiser(options: PseudonymiserOptions): Pseudonymiser {
  const pseudonyms = assignPseudonyms(options.people, options.seed);
  const names = createNameMatcher(options.people.map((p) => ({ key: p.key, names: p.names })));
  const datesOfBirth = options.people.flatMap((p) => (p.dateOfBirth ? [p.dateOfBirth] : []));
  const literals = literalRules(options.people.flatMap((p) => p.identifiers ?? []));
  const tally: Partial<Record<IdentifierKind, number>> = {};
  const pseudonymOf = (key: string) => pseudonyms.get(key) ?? '[name removed]';

  function text(value: string, dates: Omit<DateContext, 'datesOfBirth'>): string {
    const tokens: string[] = [];
    const hold = (kind: IdentifierKind, replacement: string) => {
      tally[kind] = (tally[kind] ?? 0) + 1;
      tokens.push(replacement);
      return sentinel(tokens.length - 1);
    };
    let out = value.normalize('NFC');
    for (const literal of literals)
      out = out.replace(literal.pattern, () => hold(literal.kind, literal.text));
    const context: DateContext = { ...dates, datesOfBirth };
    const applyRules = (rules: readonly Rule[]) => {
      for (const rule of rules) {
        out = out.replace(rule.pattern, (...args) => {
          const m = toExecArray(args);
          const r = rule.replace(m, context);
          return r ? hold(r.kind, r.text) : m[0];
        });
      }
    };
    // E-mail addresses and links first (they can hold a name), then the names the system holds
    // (before a number pattern takes part of a name), then every other identifier.
    applyRules(RULES.filter((r) => r.beforeNames));
    let named = '';
    let at = 0;
    for (const match of names.find(out)) {
      if (match.index < at) continue;
      const [only] = match.keys;
      const label = match.keys.length === 1 && only !== undefined ? pseudonymOf(only) : '[name removed]';
      named += out.slice(at, match.index) + hold('name', label);
      at = match.index + match.length;
    }
    out = named + out.slice(at);
    applyRules(RULES.filter((r) => !r.beforeNames));
    const result = out;
    // Then names the system does not hold, found by context (a title, a family word).
    let final = '';
    at = 0;
    for (const match of findUnknownNames(result)) {
      if (match.index < at) continue;
      final += result.slice(at, match.index) + hold('name', '[name removed]');
      at = match.index + match.length;
    }
    final += result.slice(at);
    return final
      .replace(SENTINEL, (_s, code: string) => tokens[decode(code)] ?? '')
      .replace(ADJACENT_ADDRESS_PARTS, '[address removed]');
  }

  return { pseudonymOf, text, counts: () => ({ ...tally }) };
}

// Replacements are parked as private-use characters (U+E000…) while the later rules run, so a
// replacement such as "[day 12]" is never itself matched (as a number, or a person called Day).
// "12 Larkspur Row, Exeter EX1 9ZZ" held as two lines reads better as one removed address.
const ADJACENT_ADDRESS_PARTS = /\[address removed\](?:,?[ \t]*\[(?:address|postcode) removed\])+/g;
const SENTINEL = /\uE000([\uE010-\uE01F]+)\uE001/g;
const sentinel = (i: number) =>
  `\uE000${[...i.toString(16)].map((c) => String.fromCharCode(0xe010 + Number.parseInt(c, 16))).join('')}\uE001`;
const decode = (code: string) =>
  Number.parseInt([...code].map((c) => (c.charCodeAt(0) - 0xe010).toString(16)).join(''), 16);

function toExecArray(args: unknown[]): RegExpExecArray {
  // String.replace's callback: (match, ...groups, offset, input[, namedGroups])
  const hasNamed = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== undefined;
  const input = args[args.length - (hasNamed ? 2 : 1)] as string;
  const index = args[args.length - (hasNamed ? 3 : 2)] as number;
  const groups = args.slice(0, args.length - (hasNamed ? 3 : 2)) as string[];
  return Object.assign(groups, { index, input, groups: undefined }) as unknown as RegExpExecArray;
}

function literalRules(identifiers: readonly KnownIdentifier[]) {
  const rules: { kind: IdentifierKind; pattern: RegExp; text: string }[] = [];
  for (const id of identifiers) {
    const pieces =
      id.kind === 'address'
        ? id.value.split(/[,\n]+/).filter((line) => /\d/.test(line) || line.trim().split(/\s+/).length > 1)
        : [id.value];
    for (const piece of pieces) {
      const p = literalPattern(piece, id.kind !== 'address' && id.kind !== 'email');
      if (p)
        rules.push({
          kind: id.kind === 'address' ? 'address' : id.kind,
          pattern: p,
          text: KNOWN_TEXT[id.kind],
        });
    }
  }
  return rules.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
}

/** A pattern for `value` in any letter case; `loose` allows spaces, dashes and brackets between its characters. */
function literalPattern(value: string, loose: boolean): RegExp | undefined {
  const chars = loose ? value.replace(/[^\p{L}\p{N}+]/gu, '') : value.trim().replace(/\s+/g, ' ');
  if (chars.length < 4) return undefined;
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = loose
    ? [...chars].map(esc).join('[\\s().-]*')
    : chars
        .split(' ')
        .map((w) => esc(w))
        .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}
