/** The priority vocabulary in plain words, typed against the contract so none is missed. */
import type { z } from 'zod';
import type { bandSchema, impactSchema } from '../../contract/assessments.ts';

type Band = z.infer<typeof bandSchema>;
type Impact = z.infer<typeof impactSchema>;

export const BAND_WORDS: Record<Band, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const VULNERABILITY_WORDS: Record<'0' | '1' | '2' | '3', string> = {
  '0': '0 – none known',
  '1': '1 – some',
  '2': '2 – significant',
  '3': '3 – severe',
};

export const IMPACT_WORDS: Record<Impact, string> = {
  none: 'No impact',
  inconvenience: 'Inconvenience',
  'financial-loss': 'Financial loss',
  'loss-of-income': 'Loss of income',
  'loss-of-home': 'Loss of home',
  'risk-to-liberty-or-safety': 'Risk to liberty or safety',
};

const QUADRANT_WORDS: Record<string, string> = {
  'urgent-and-important': 'Urgent and important',
  'urgent-not-important': 'Urgent, not important',
  'important-not-urgent': 'Important, not urgent',
  'neither-urgent-nor-important': 'Neither urgent nor important',
};

/** What made Caseload assess the case again, as the end of "automatically, after …". */
const TRIGGER_WORDS: Record<string, string> = {
  'case-opened': 'the case was opened',
  'case-changed': 'the case was changed',
  flag: 'a flag was raised or resolved',
  'key-date': 'a key date changed',
  note: 'a note was filed',
  daily: 'the daily re-assessment',
  policy: 'a new priority policy',
  timescales: 'the service timescales changed',
};

export const quadrantWords = (quadrant: string): string => QUADRANT_WORDS[quadrant] ?? quadrant;

/** "assessed by Ari Adviser" or "automatically, after a flag was raised or resolved". */
export function assessedHow(a: { trigger: string; assessedBy: { name: string | null } | null }): string {
  if (a.trigger === 'practitioner' || a.assessedBy) return `by ${a.assessedBy?.name ?? 'a former colleague'}`;
  return `automatically, after ${TRIGGER_WORDS[a.trigger] ?? a.trigger}`;
}

/** "policy version 3", or the built-in default (version 0). */
export const policyWords = (version: number): string =>
  version === 0 ? 'default policy, version 0' : `policy version ${version}`;

/** Hours as people say them: "6.5 hours", "1 hour". */
export const hoursWords = (hours: number): string => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
