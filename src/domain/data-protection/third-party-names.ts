/**
 * Finding the names of other people in text meant for a subject access response, so a person can
 * review them for redaction before release. Two sources:
 *
 * - known names: every person name the system holds other than the client's own (other clients,
 *   staff, third parties named as action owners…), matched as whole words, case-insensitively;
 * - detected names: a title (Dr, Mr, Mrs, Ms, Miss, Mx, Prof) or a family word ("her son",
 *   "mother", "partner"…) followed by one to three capitalised words; and a capitalised first name
 *   that is not the client's, followed by the client's surname (family often share it).
 *
 * It flags; it never redacts. Whether to release is the organisation's decision. Pure.
 */

export interface KnownName {
  readonly name: string;
  /** Where the system holds it: 'client', 'staff', 'action-owner', 'referral'… */
  readonly source: string;
}

export interface NameHit {
  readonly name: string;
  readonly source: string;
  /** The matched words as they appear in the text. */
  readonly matched: string;
  /** Character offset of the match in the text. */
  readonly index: number;
}

const TITLE = String.raw`(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Rev|Cllr)\.?`;
const FAMILY =
  '(?:son|daughter|mother|mum|father|dad|partner|husband|wife|brother|sister|grandmother|grandfather|gran|nan|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|carer|friend|neighbour|ex-partner|step-?son|step-?daughter|landlord|landlady)';
const CAP = String.raw`\p{Lu}[\p{L}'’-]+`;
const DETECT = new RegExp(
  String.raw`(?:\b${TITLE}\s+(${CAP}(?:\s+${CAP}){0,2}))|(?:\b${FAMILY}(?:,|\s+called|\s+named)?\s+(${CAP}(?:\s+${CAP}){0,2}))`,
  'gu',
);

/** Capitalised words that can stand before a surname without being a first name. */
const NOT_A_NAME = new Set([
  'the',
  'a',
  'an',
  'and',
  'to',
  'for',
  'with',
  'from',
  'of',
  'by',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normal = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Parts of the client's own names, which are never flagged (alone or together). */
function ownWords(own: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const n of own) {
    if (!n.trim()) continue;
    words.add(normal(n));
    for (const w of normal(n).split(' ')) words.add(w);
  }
  return words;
}

/**
 * Prepares the matcher once for many texts.
 * @param known names held by the system (the client's own are dropped; names shorter than 3
 *   letters are ignored, as they match too much)
 * @param own the client's own names (legal, preferred)
 */
export function nameMatcher(known: readonly KnownName[], own: readonly string[]) {
  const mine = ownWords(own);
  const byName = new Map<string, KnownName>();
  for (const k of known) {
    const key = normal(k.name);
    if (key.length < 3 || mine.has(key) || byName.has(key)) continue;
    byName.set(key, { name: k.name.trim(), source: k.source });
  }
  const list = [...byName.entries()].sort((a, b) => b[0].length - a[0].length);
  const knownRe =
    list.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(${list.map(([key]) => escapeRegExp(key).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        );

  const surnames = own.map((n) => n.trim().split(/\s+/).at(-1) ?? '').filter((w) => w.length >= 3);
  const familyRe =
    surnames.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(${CAP}\\s+(?:${surnames.map(escapeRegExp).join('|')}))(?![\\p{L}\\p{N}])`,
          'gu',
        );

  return function findNames(text: string): NameHit[] {
    if (!text) return [];
    const hits: NameHit[] = [];
    const taken: [number, number][] = [];
    if (knownRe) {
      for (const m of text.matchAll(knownRe)) {
        const k = byName.get(normal(m[0]));
        if (!k || m.index === undefined) continue;
        hits.push({ name: k.name, source: k.source, matched: m[0], index: m.index });
        taken.push([m.index, m.index + m[0].length]);
      }
    }
    for (const m of text.matchAll(DETECT)) {
      const name = m[1] ?? m[2];
      if (!name || m.index === undefined) continue;
      const at = m.index + m[0].lastIndexOf(name);
      if (taken.some(([s, e]) => at < e && at + name.length > s)) continue;
      const words = normal(name).split(' ');
      if (words.every((w) => mine.has(w))) continue;
      hits.push({ name, source: 'detected', matched: name, index: at });
      taken.push([at, at + name.length]);
    }
    for (const m of familyRe ? text.matchAll(familyRe) : []) {
      const name = m[1];
      if (!name || m.index === undefined) continue;
      if (taken.some(([s, e]) => m.index < e && m.index + name.length > s)) continue;
      const first = normal(name).split(' ')[0] ?? '';
      if (mine.has(first) || NOT_A_NAME.has(first)) continue;
      hits.push({ name, source: 'detected', matched: name, index: m.index });
    }
    return hits.sort((a, b) => a.index - b.index);
  };
}
