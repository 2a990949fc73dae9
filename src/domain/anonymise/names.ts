/**
 * Finding the names of known people in free text. For each person we look for every full name they
 * are known by (legal, preferred, display name), the same with the surname first ("Quillfeather,
 * Zebedee"), with an initial ("Z. Quillfeather"), and each part alone ("Zebedee", "Quillfeather",
 * each half of a double-barrelled surname) — in any letter case, with an optional title before it
 * ("Mr Quillfeather", "Dr. Okafor"). A possessive or plural ending stays in the text: "Zebedee's"
 * becomes "Client A's".
 *
 * Words that are also ordinary English words (May, Will, Grace, Rose…) are replaced only when
 * written with a capital letter, and month names only when no date is next to them: "May 2026",
 * "3 May" and "in May" keep the month, "May said" and "MAY" alone become the pseudonym; "may"
 * (the verb) always stays. A name part shared by two people ("Quillfeather" for a client and their
 * mother) cannot be attributed, so alone it becomes "[name removed]".
 */

export interface NamedPerson {
  readonly key: string;
  readonly names: readonly string[];
}

export interface NameMatch {
  readonly index: number;
  readonly length: number;
  /** The people the matched words may name: one, or several for a shared part. */
  readonly keys: readonly string[];
}

export const TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Sir',
  'Dame',
  'Lady',
  'Lord',
  'Rev',
  'Cllr',
];

/** Given names that are also common English words: replaced only when capitalised. */
export const AMBIGUOUS_NAME_WORDS = new Set([
  'april',
  'june',
  'may',
  'august',
  'will',
  'bill',
  'mark',
  'grace',
  'rose',
  'hope',
  'faith',
  'joy',
  'frank',
  'sue',
  'pat',
  'dawn',
  'summer',
  'amber',
  'ivy',
  'jack',
  'jay',
  'lee',
  'guy',
  'rob',
  'art',
  'ray',
  'sky',
  'robin',
  'penny',
  'ruby',
  'holly',
  'victoria',
  'christian',
  'rich',
  'young',
  'white',
  'brown',
  'green',
  'black',
  'wood',
  'hall',
  'king',
  'cook',
  'baker',
  'long',
  'hill',
]);

const MONTH_WORDS = new Set(['april', 'june', 'may', 'august']);
const MONTH_CONTEXT_BEFORE =
  /(?:\d(?:st|nd|rd|th)?|\b(?:in|of|by|until|till|from|since|during|before|after|early|late|mid|end|next|last|this|each|every|per|until|through|to))[\s-]+$/i;
const MONTH_CONTEXT_AFTER = /^[\s,]+(?:\d|\[|\uE000)/;

interface Variant {
  readonly text: string;
  readonly keys: string[];
  readonly single: boolean;
}

const normalise = (s: string) =>
  s.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function variantPattern(text: string): string {
  return text
    .split(' ')
    .map((word) => escapeRegExp(word).replace(/'/g, "['’]"))
    .join('[.,]?\\s+');
}

function variantsOf(fullName: string): { text: string; single: boolean }[] {
  const words = normalise(fullName)
    .split(' ')
    .filter((w) => w.length > 0 && !TITLES.some((t) => t.toLowerCase() === w));
  if (words.length === 0) return [];
  const out: { text: string; single: boolean }[] = [{ text: words.join(' '), single: words.length === 1 }];
  if (words.length > 1) {
    const surname = words[words.length - 1] as string;
    const given = words.slice(0, -1);
    // "Okafor-Lewis may…" is a surname and a verb, not a name written surname first.
    if (!given.some((g) => AMBIGUOUS_NAME_WORDS.has(g))) {
      out.push({ text: `${surname} ${given.join(' ')}`, single: false });
    }
    out.push({ text: `${given.map((g) => g[0]).join(' ')} ${surname}`, single: false });
    out.push({ text: `${given[0]} ${surname}`, single: false });
  }
  for (const word of words) {
    const parts = [word, ...(word.includes('-') ? word.split('-') : [])];
    for (const part of parts) if (part.length >= 2) out.push({ text: part, single: true });
  }
  return out;
}

/**
 * A matcher for the names of `people`. `find(text)` returns every match, left to right, longest
 * first at each position, skipping lowercase ambiguous words and month names next to dates.
 */
export function createNameMatcher(people: readonly NamedPerson[]) {
  const byText = new Map<string, Variant>();
  for (const person of people) {
    for (const name of person.names) {
      for (const v of variantsOf(name)) {
        const existing = byText.get(v.text);
        if (!existing) byText.set(v.text, { text: v.text, keys: [person.key], single: v.single });
        else if (!existing.keys.includes(person.key)) existing.keys.push(person.key);
      }
    }
  }
  const surnames = new Set(
    people.flatMap((p) =>
      p.names.flatMap((n) => {
        const words = normalise(n).split(' ');
        const last = words.length > 1 ? (words[words.length - 1] as string) : undefined;
        return last ? [last, ...last.split('-')] : [];
      }),
    ),
  );
  const variants = [...byText.values()].sort((a, b) => b.text.length - a.text.length);
  if (variants.length === 0) return { find: (_text: string): NameMatch[] => [] };
  const title = `(?:(?:${TITLES.join('|')})\\.?\\s+)?`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}'’-])${title}(${variants.map((v) => variantPattern(v.text)).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giu',
  );

  function find(text: string): NameMatch[] {
    const out: NameMatch[] = [];
    for (const m of text.matchAll(pattern)) {
      const words = m[1] ?? '';
      const variant = byText.get(normalise(words));
      if (!variant) continue;
      const hasTitle = m[0].length > words.length;
      const firstWord = /^\S+/.exec(words)?.[0] ?? '';
      if (!variant.single && !hasTitle && isLowercaseAmbiguous(firstWord)) {
        // "she may Okafor-Lewis…": the verb is not part of the name; look again after it.
        const start = (m.index ?? 0) + firstWord.length;
        for (const inner of find(text.slice(start, (m.index ?? 0) + m[0].length))) {
          out.push({ ...inner, index: inner.index + start });
        }
        continue;
      }
      if (variant.single && !hasTitle && !acceptSingleWord(text, m.index ?? 0, words, m[0].length)) continue;
      const index = m.index ?? 0;
      // "Marigold Quillfeather": an unknown first name before a known surname is a relative the
      // system does not hold — both words go, and the person is not attributed.
      const before =
        variant.single && !hasTitle && surnames.has(variant.text)
          ? UNKNOWN_FIRST.exec(text.slice(0, index))
          : null;
      const first = before?.[1] ?? '';
      if (before && !byText.has(normalise(first)) && !NOT_NAMES.has(first.toLowerCase()) && !isTitle(first)) {
        const start = index - before[0].length;
        out.push({ index: start, length: index + m[0].length - start, keys: [] });
        continue;
      }
      out.push({ index, length: m[0].length, keys: variant.keys });
    }
    return out;
  }
  return { find };
}

const UNKNOWN_FIRST = /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’-]+)\s+$/u;
const isTitle = (word: string) =>
  TITLES.some((t) => t.toLowerCase() === word.toLowerCase().replace(/\.$/, ''));

function isLowercaseAmbiguous(word: string): boolean {
  const first = word[0] ?? '';
  return AMBIGUOUS_NAME_WORDS.has(word.toLowerCase()) && first === first.toLowerCase();
}

function acceptSingleWord(text: string, index: number, word: string, length: number): boolean {
  const lower = word.toLowerCase();
  if (!AMBIGUOUS_NAME_WORDS.has(lower)) return true;
  const first = word[0] ?? '';
  if (first === first.toLowerCase()) return false;
  if (MONTH_WORDS.has(lower)) {
    const before = text.slice(Math.max(0, index - 12), index);
    const after = text.slice(index + length, index + length + 4);
    if (MONTH_CONTEXT_BEFORE.test(before) || MONTH_CONTEXT_AFTER.test(after)) return false;
  }
  return true;
}

const CAPITALISED = String.raw`\p{Lu}[\p{L}'’-]*`;
const FAMILY_WORDS =
  'son|daughter|mother|mum|father|dad|partner|husband|wife|brother|sister|grandmother|grandfather|gran|nan|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|carer|friend|neighbour|ex-partner|step-?son|step-?daughter|landlord|landlady|child|children|stepfather|stepmother';
// Each family word with a lower- or upper-case first letter ("son", "Son").
const FAMILY_PATTERN = FAMILY_WORDS.split('|')
  .map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`)
  .join('|');

/** Capitalised words that follow a title or family word without being a name. */
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'i',
  'he',
  'she',
  'they',
  'we',
  'it',
  'is',
  'was',
  'has',
  'had',
  'on',
  'in',
  'at',
  'to',
  'of',
  'for',
  'who',
  'said',
  'says',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/**
 * Names the system does not hold, found by their context: a title followed by one to three
 * capitalised words ("Dr Hobbs", "Mrs Ada Lovelace"), or a family word followed by a capitalised
 * word ("her son Tobias", "partner, Kit"). Returns the spans of the name words only (the title
 * goes with them; the family word stays). A heuristic: names written without such context are
 * not found unless the system holds them.
 */
export function findUnknownNames(text: string): { index: number; length: number }[] {
  const out: { index: number; length: number }[] = [];
  const title = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${TITLES.join('|')})\.?\s+(${CAPITALISED}(?:\s+${CAPITALISED}){0,2})`,
    'gu',
  );
  for (const m of text.matchAll(title)) {
    const words = trimNotNames(m[1] ?? '');
    if (words.length === 0) continue;
    out.push({ index: m.index ?? 0, length: m[0].length - (m[1] ?? '').length + words.length });
  }
  const family = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${FAMILY_PATTERN})(?:,|\s+called|\s+named)?\s+(${CAPITALISED}(?:\s+${CAPITALISED}){0,2})`,
    // No `i` flag: it would make \p{Lu} match lower-case letters too ("her son went" is no name).
    'gu',
  );
  for (const m of text.matchAll(family)) {
    const words = trimNotNames(m[1] ?? '');
    if (words.length === 0) continue;
    const index = (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
    if (out.some((o) => index < o.index + o.length && o.index < index + words.length)) continue;
    out.push({ index, length: words.length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The leading words of `words` up to the first word that is not a name ("Tobias Is" → "Tobias"). */
function trimNotNames(words: string): string {
  const kept: string[] = [];
  for (const w of words.split(/\s+/)) {
    if (NOT_NAMES.has(w.toLowerCase())) break;
    kept.push(w);
  }
  return kept.join(' ');
}
