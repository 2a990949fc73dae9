/**
 * Assessments in a case's chronology: the priority history, each assessment with its band, what
 * caused it, its reasons, the practitioner's rationale and any override.
 */
import { BAND_LABELS, type Band } from '../priority/levels.ts';
import type { ChronologyEntry } from './chronology.ts';

export interface CaseAssessmentRecord {
  readonly id: string;
  readonly band: Band;
  readonly computedBand: Band;
  readonly trigger: string;
  readonly policyVersion: number;
  readonly reasons: readonly string[];
  readonly rationale: string | null;
  readonly override: { readonly band: Band; readonly rationale: string } | null;
  /** The practitioner who assessed it; undefined when Caseload re-assessed the case. */
  readonly assessedByName: string | undefined;
  readonly assessedAt: Date;
}

const TRIGGER_WORDS: Readonly<Record<string, string>> = {
  'case-opened': 'the case was opened',
  'case-changed': 'the case changed',
  flag: 'a flag was raised or resolved',
  'key-date': 'a key date changed',
  note: 'a note was filed',
  daily: 'the daily re-assessment',
  policy: 'a new priority policy version',
  timescales: 'the service timescales changed',
};

/** Why an automatic re-assessment happened, in words that follow "after". */
export const triggerWords = (trigger: string): string => TRIGGER_WORDS[trigger] ?? trigger;

/**
 * One chronology entry per assessment.
 * @example assessmentEntries([{ band: 'red', computedBand: 'red', trigger: 'flag', assessedByName: undefined, … }])
 * // [{ kind: 'assessment', title: 'Re-assessed red after a flag was raised or resolved', by: 'Caseload', … }]
 */
export function assessmentEntries(records: readonly CaseAssessmentRecord[]): ChronologyEntry[] {
  return records.map((a) => {
    const band = BAND_LABELS[a.band].toLowerCase();
    const overridden = a.override ? ` (overridden from ${a.computedBand})` : '';
    const title =
      a.trigger === 'practitioner'
        ? `Assessed ${band}${overridden}`
        : `Re-assessed ${band}${overridden} after ${triggerWords(a.trigger)}`;
    const parts = [
      ...a.reasons,
      ...(a.rationale ? [`Rationale: ${a.rationale}`] : []),
      `Policy version ${a.policyVersion}${a.policyVersion === 0 ? ' (the default)' : ''}.`,
    ];
    return {
      kind: 'assessment' as const,
      at: a.assessedAt,
      id: `assessment:${a.id}`,
      title,
      detail: parts.join('\n'),
      by: a.assessedByName ?? 'Caseload',
    };
  });
}
