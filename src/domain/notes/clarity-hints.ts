/**
 * Clarity hints: suggestions shown while a note is written, never a reason to refuse it. A clear
 * note records what happened and what was said, keeps opinion in the professional-judgement
 * section, spells out abbreviations a reader may not know, and says what happens next.
 *
 * The rules (all case-insensitive on whole words, except abbreviations, which are capitals):
 * - LABEL_WITHOUT_FACTS: a judgemental or labelling word ("aggressive", "non-compliant",
 *   "refused to engage"…) in a sentence that quotes nothing. A sentence that also quotes what was
 *   said ("… shouted "get out"") states its facts, so it gets no hint. Every section is checked:
 *   a professional judgement should be evidenced too. Common neutral uses are left alone:
 *   "difficulties", "difficult to pay", "a difficult time", "the hostile environment" (policy).
 * - UNEXPLAINED_ABBREVIATION: a word of 2–6 capital letters (an optional plural "s" allowed) that
 *   is neither in the organisation's glossary, nor spelled out in the note ("Universal Credit
 *   (UC)", anywhere in the note), nor plain English to any reader in the UK (PLAIN_ABBREVIATIONS),
 *   nor a word in capitals for emphasis (EMPHASIS_WORDS). Hinted once per section.
 * - NO_AGREED_NEXT_STEP: a contact note with nothing under actions agreed.
 * - OPINION_IN_FACTS: "I think", "I feel", "I believe", "in my opinion/view", "seems",
 *   "appears/appeared" (not "appeared at/in/before/on", which is attendance), "probably",
 *   "apparently" in the facts section, outside quotation marks (a client's own words are facts).
 */

export type NoteSectionName = 'facts' | 'advice' | 'actionsAgreed' | 'judgement';

export type HintCode =
  | 'LABEL_WITHOUT_FACTS'
  | 'UNEXPLAINED_ABBREVIATION'
  | 'NO_AGREED_NEXT_STEP'
  | 'OPINION_IN_FACTS';

export interface Hint {
  readonly code: HintCode;
  /** The section the hint is about (request field names: `judgement` is professional judgement). */
  readonly section: NoteSectionName;
  /** The words as written (empty for NO_AGREED_NEXT_STEP: nothing was written). */
  readonly excerpt: string;
  readonly why: string;
  readonly suggestion: string;
}

export interface ClarityInput {
  readonly type: string;
  readonly facts?: string | undefined;
  readonly advice?: string | undefined;
  readonly actionsAgreed?: string | undefined;
  readonly judgement?: string | undefined;
}

export interface ClarityOptions {
  /** The organisation's glossary terms (any case). */
  readonly glossary: readonly string[];
}

/** Abbreviations any reader in the UK understands without a glossary. */
export const PLAIN_ABBREVIATIONS: readonly string[] = [
  'OK',
  'UK',
  'NHS',
  'GP',
  'MP',
  'EU',
  'US',
  'USA',
  'ID',
  'TV',
  'PDF',
  'CV',
  'AM',
  'PM',
  'PIN',
];

/** Ordinary words that people write in capitals for emphasis: not abbreviations. */
export const EMPHASIS_WORDS: readonly string[] = [
  'NO',
  'NOT',
  'YES',
  'DO',
  'AND',
  'OR',
  'BUT',
  'MUST',
  'NEVER',
  'ALL',
  'NOW',
  'ONLY',
  'STOP',
  'URGENT',
];

interface LabelRule {
  readonly pattern: string;
  /** What to write instead, specific to the label. */
  readonly instead: string;
}

const DESCRIBE = 'Describe what was said and done, with quotes where you can';

/**
 * Labelling words. Patterns are regular-expression sources matched case-insensitively between word
 * boundaries; look-arounds leave out the common neutral uses.
 */
const LABELS: readonly LabelRule[] = [
  {
    pattern: 'aggressive(?:ly)?|aggression',
    instead: `${DESCRIBE}: e.g. "raised his voice, said 'I'll sort you out', and stood over the desk".`,
  },
  {
    pattern: 'non[- ]?complian(?:t|ce)',
    instead:
      'Say what was asked of the client, by whom, and what they did or could not do, and why if known.',
  },
  { pattern: 'manipulative', instead: `${DESCRIBE}, and what the client asked for.` },
  {
    // "difficult" about a person; not "difficult to/for…", "find it difficult", "a difficult time".
    pattern:
      "(?<!\\b(?:it|it[’']s|find|finds|found|finding)\\s+(?:(?:is|was|has\\s+been|been|very|quite|really|so|extremely|more|most)\\s+)*)difficult(?!\\s+(?:to|for|situation|situations|time|times|period|decision|decisions|choice|choices|question|questions|conversation|conversations|news|circumstances|day|days|week|weeks|month|months|year|years)\\b)",
    instead: `${DESCRIBE}: what the client wanted, what you offered, and how they responded.`,
  },
  {
    pattern:
      "(?:refus(?:ed|es|ing)|fail(?:ed|s|ing))\\s+to\\s+engage|(?:did\\s+not|didn[’']t|does\\s+not|doesn[’']t|would\\s+not|wouldn[’']t|will\\s+not|won[’']t)\\s+engage|non[- ]?engag(?:ement|ing)|not\\s+engaging",
    instead:
      'Say what contact was offered and what happened: e.g. "called on 2, 4 and 6 May; no answer; letter sent 7 May".',
  },
  { pattern: 'attention[- ]seeking', instead: `${DESCRIBE}, and what the client said they needed.` },
  { pattern: 'hostile(?!\\s+environment\\b)', instead: `${DESCRIBE}.` },
  {
    pattern: '(?:un|non)[- ]?co[- ]?operative',
    instead: 'Say what was asked and what the client said or did.',
  },
  {
    pattern: 'chaotic',
    instead: 'Name the circumstances: e.g. "three addresses since June; missed two appointments".',
  },
  { pattern: 'lazy', instead: 'Say what was expected, what happened, and any reason the client gave.' },
  {
    pattern: 'unmotivated',
    instead: 'Say what was expected, what happened, and any reason the client gave.',
  },
  { pattern: 'rude', instead: `${DESCRIBE}.` },
  { pattern: 'argumentative|confrontational', instead: `${DESCRIBE}.` },
  { pattern: 'hysterical|irrational|volatile', instead: `${DESCRIBE}, and how the client said they felt.` },
  { pattern: 'time[- ]?wasters?', instead: 'Say what contact there was and what came of it.' },
  { pattern: 'kicked\\s+off|challenging\\s+behaviou?r', instead: `${DESCRIBE}.` },
];

const LABEL_PATTERNS = LABELS.map((rule) => ({
  rule,
  regex: new RegExp(`\\b(?:${rule.pattern})\\b`, 'gi'),
}));

const OPINION =
  /\b(?:I\s+(?:think|thought|feel|felt|believe|believed|suspect|suspected)|in\s+my\s+(?:opinion|view)|seem(?:s|ed|ing)?|appear(?:s|ed|ing)?(?!\s+(?:at|in|before|on)\b)|probably|apparently)\b/gi;

const ABBREVIATION = /\b([A-Z]{2,6})s?\b/g;
/** An abbreviation in brackets after the words it stands for: "Universal Credit (UC)". */
const DEFINED = /\w\s*\(([A-Z]{2,6})s?\)/g;

/** Quoted passages: straight or curly double quotes, curly single quotes. */
const QUOTED = /"[^"\n]+"|“[^”\n]+”|‘[^’\n]+’/g;

const SECTIONS: readonly NoteSectionName[] = ['facts', 'advice', 'actionsAgreed', 'judgement'];

interface Span {
  readonly start: number;
  readonly end: number;
}

const spansOf = (text: string, regex: RegExp): Span[] =>
  [...text.matchAll(regex)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

const inside = (spans: readonly Span[], at: number) => spans.some((s) => at >= s.start && at < s.end);

/** Sentences (split at . ! ? and line breaks), with whether each quotes someone. */
function sentencesOf(text: string): (Span & { quotes: boolean })[] {
  const result: (Span & { quotes: boolean })[] = [];
  const quotes = spansOf(text, QUOTED);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    // A full stop inside a quotation does not end the sentence around it.
    const ends = i === text.length || ch === '\n' || (/[.!?]/.test(ch ?? '') && !inside(quotes, i));
    if (!ends) continue;
    const quoted = quotes.some((q) => q.start < i && q.end > start);
    result.push({ start, end: i, quotes: quoted });
    start = i + 1;
  }
  return result;
}

interface Found {
  readonly at: number;
  readonly hint: Hint;
}

function labelHints(section: NoteSectionName, text: string): Found[] {
  const sentences = sentencesOf(text);
  const found: Found[] = [];
  for (const { rule, regex } of LABEL_PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const sentence = sentences.find((s) => m.index >= s.start && m.index < s.end);
      if (sentence?.quotes) continue;
      found.push({
        at: m.index,
        hint: {
          code: 'LABEL_WITHOUT_FACTS',
          section,
          excerpt: m[0],
          why: `"${m[0]}" is a label, not a fact: readers (including the client, who may ask to see their record) cannot tell what happened, and labels follow people from service to service.`,
          suggestion: rule.instead,
        },
      });
    }
  }
  return found;
}

function abbreviationHints(section: NoteSectionName, text: string, known: ReadonlySet<string>): Found[] {
  const seen = new Set<string>();
  const found: Found[] = [];
  for (const m of text.matchAll(ABBREVIATION)) {
    const term = m[1] ?? m[0];
    if (known.has(term) || seen.has(term)) continue;
    seen.add(term);
    found.push({
      at: m.index,
      hint: {
        code: 'UNEXPLAINED_ABBREVIATION',
        section,
        excerpt: m[0],
        why: `"${term}" is not in your organisation’s glossary: a colleague covering the case, an auditor or the client may not know what it means.`,
        suggestion: `Write it out in full the first time, e.g. "Personal Independence Payment (PIP)", or ask an administrator to add ${term} to the glossary.`,
      },
    });
  }
  return found;
}

function opinionHints(text: string): Found[] {
  const quotes = spansOf(text, QUOTED);
  return [...text.matchAll(OPINION)]
    .filter((m) => !inside(quotes, m.index))
    .map((m) => ({
      at: m.index,
      hint: {
        code: 'OPINION_IN_FACTS',
        section: 'facts',
        excerpt: m[0],
        why: `"${m[0]}" is opinion written as fact: the facts section is for what happened and what was said.`,
        suggestion:
          'Keep here what you saw and heard (quote the client’s words); move your view to professional judgement, with what it rests on.',
      },
    }));
}

const NO_NEXT_STEP: Hint = {
  code: 'NO_AGREED_NEXT_STEP',
  section: 'actionsAgreed',
  excerpt: '',
  why: 'A contact note without an agreed next step leaves the case without a plan: who does what, by when.',
  suggestion:
    'Write what was agreed, who will do it and by when, e.g. "Client to send the PIP letter by Friday; I will call on Monday". If nothing was agreed, say so and why.',
};

/**
 * The clarity hints for a note as written, in section order (facts, advice, actions agreed,
 * professional judgement), then by position. Pure; never blocks filing.
 * @example clarityHints({ type: 'contact', facts: 'Client was aggressive.' }, { glossary: [] })
 *   // → LABEL_WITHOUT_FACTS on "aggressive", NO_AGREED_NEXT_STEP
 */
export function clarityHints(note: ClarityInput, options: ClarityOptions): Hint[] {
  const written = SECTIONS.map((section) => note[section] ?? '').join('\n');
  const known = new Set([
    ...PLAIN_ABBREVIATIONS,
    ...EMPHASIS_WORDS,
    ...options.glossary.map((term) => term.trim().toUpperCase()),
    // Spelled out in the note itself: "Personal Independence Payment (PIP)".
    ...[...written.matchAll(DEFINED)].map((m) => m[1] ?? ''),
  ]);
  const hints: Hint[] = [];
  for (const section of SECTIONS) {
    const text = note[section] ?? '';
    if (!text.trim()) continue;
    const found = [
      ...labelHints(section, text),
      ...abbreviationHints(section, text, known),
      ...(section === 'facts' ? opinionHints(text) : []),
    ];
    found.sort((a, b) => a.at - b.at);
    hints.push(...found.map((f) => f.hint));
  }
  if (note.type === 'contact' && !(note.actionsAgreed ?? '').trim()) hints.push(NO_NEXT_STEP);
  return hints;
}
