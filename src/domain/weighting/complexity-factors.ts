/**
 * Complexity factors: organisation-configurable multipliers of a case's type base weight
 * (e.g. interpreter needed ×1.25, litigation ×1.5). A factor either applies by a rule the
 * software checks from the record itself, or is ticked on the case by the practitioner.
 */

export type ComplexityRule = 'manual' | 'vulnerability-high' | 'interpreter-needed' | 'safeguarding-open';

export const COMPLEXITY_RULES = [
  'manual',
  'vulnerability-high',
  'interpreter-needed',
  'safeguarding-open',
] as const satisfies readonly ComplexityRule[];

/** What each rule means, in the words the admin page and the API reference use. */
export const COMPLEXITY_RULE_WORDS: Record<ComplexityRule, string> = {
  manual: 'ticked on the case by the practitioner',
  'vulnerability-high':
    'the client’s vulnerability is assessed as significant or severe (level 2 or 3 on the 0–3 scale)',
  'interpreter-needed':
    'the client’s access needs say an interpreter is needed (a spoken-language or a British Sign Language interpreter)',
  'safeguarding-open': 'the case has an open safeguarding concern',
};

export interface ComplexityFactor {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen: ComplexityRule;
  readonly active: boolean;
}

export interface DefaultComplexityFactor {
  readonly key: string;
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen: ComplexityRule;
}

/** What a new organisation starts with (the migration seeds the same list for existing ones). */
export const DEFAULT_COMPLEXITY_FACTORS: readonly DefaultComplexityFactor[] = [
  {
    key: 'vulnerability',
    label: 'Client highly vulnerable',
    multiplier: 1.5,
    appliesWhen: 'vulnerability-high',
  },
  { key: 'interpreter', label: 'Interpreter needed', multiplier: 1.25, appliesWhen: 'interpreter-needed' },
  {
    key: 'safeguarding',
    label: 'Open safeguarding concern',
    multiplier: 1.5,
    appliesWhen: 'safeguarding-open',
  },
  { key: 'multiple-issues', label: 'Multiple issues', multiplier: 1.25, appliesWhen: 'manual' },
  { key: 'litigation', label: 'Litigation or tribunal', multiplier: 1.5, appliesWhen: 'manual' },
];

/** The vulnerability level (0–3) from which 'vulnerability-high' applies. */
export const HIGH_VULNERABILITY = 2;

/**
 * Why a set of factor ids cannot be ticked on a case, in words a person can act on, or undefined
 * when every id is an active manual factor of the organisation (rule-based factors apply by
 * themselves and are never ticked).
 * @example manualFactorsProblem(factors, [interpreterId]) // '“Interpreter needed” applies by itself …'
 */
export function manualFactorsProblem(
  factors: readonly ComplexityFactor[],
  ids: readonly string[],
): string | undefined {
  if (new Set(ids).size !== ids.length) return 'Give each complexity factor only once.';
  for (const id of ids) {
    const factor = factors.find((f) => f.id === id);
    if (!factor) {
      return `There is no complexity factor ${id} in your organisation: choose from the factors the case’s weight lists.`;
    }
    if (factor.appliesWhen !== 'manual') {
      return `“${factor.label}” applies by itself when ${COMPLEXITY_RULE_WORDS[factor.appliesWhen]}; only factors ticked by hand can be chosen.`;
    }
    if (!factor.active) return `“${factor.label}” is no longer in use: untick it.`;
  }
  return undefined;
}
