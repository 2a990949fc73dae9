/** The API's codes in plain words, one table per enumeration (typed against the contract, so none is missed). */
import type { z } from 'zod';
import type { actionOwnerKindSchema } from '../../contract/actions.ts';
import type { caseStatusSchema, flagKindSchema } from '../../contract/cases.ts';
import type { chronologyKindSchema } from '../../contract/chronology.ts';
import type { goalStatusSchema } from '../../contract/goals.ts';
import type { keyDateKindSchema, keyDateStatusSchema } from '../../contract/key-dates.ts';
import type { CONTACT_CHANNELS, NOTE_TYPES } from '../../contract/notes.ts';
import type { obstacleCategorySchema } from '../../contract/obstacles.ts';

type Labels<S extends z.ZodType> = Record<z.infer<S> & string, string>;

export const NOTE_TYPE_LABELS: Record<(typeof NOTE_TYPES)[number], string> = {
  contact: 'Contact',
  advice: 'Advice given',
  action: 'Action taken',
  referral: 'Referral',
  review: 'Review',
  safeguarding: 'Safeguarding',
  'file-note': 'File note',
};

export const CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  phone: 'Phone',
  'face-to-face': 'Face to face',
  video: 'Video',
  email: 'Email',
  letter: 'Letter',
};

export const CASE_STATUS_LABELS: Labels<typeof caseStatusSchema> = {
  open: 'Open',
  on_hold: 'On hold',
  closed: 'Closed',
};

export const FLAG_KIND_LABELS: Labels<typeof flagKindSchema> = {
  safeguarding: 'Safeguarding',
  vulnerability: 'Vulnerability',
};

export const GOAL_STATUS_LABELS: Labels<typeof goalStatusSchema> = {
  active: 'Active',
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'Withdrawn',
};

export const ACTION_OWNER_LABELS: Labels<typeof actionOwnerKindSchema> = {
  practitioner: 'Practitioner',
  client: 'Client',
  third_party: 'Third party',
};

export const KEY_DATE_KIND_LABELS: Labels<typeof keyDateKindSchema> = {
  'statutory-deadline': 'Statutory deadline',
  hearing: 'Hearing',
  'limitation-date': 'Limitation date',
  'appeal-deadline': 'Appeal deadline',
  appointment: 'Appointment',
  'internal-target': 'Internal target',
};

export const KEY_DATE_STATUS_LABELS: Labels<typeof keyDateStatusSchema> = {
  pending: 'Pending',
  met: 'Met',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

export const OBSTACLE_CATEGORY_LABELS: Labels<typeof obstacleCategorySchema> = {
  'client-contact-lost': 'Client contact lost',
  'awaiting-third-party': 'Awaiting a third party',
  'awaiting-documents': 'Awaiting documents',
  capacity: 'Capacity',
  'policy-or-legislation': 'Policy or legislation',
  'language-or-access': 'Language or access',
  other: 'Other',
};

export const CHRONOLOGY_KIND_LABELS: Labels<typeof chronologyKindSchema> = {
  note: 'Notes',
  action: 'Actions',
  goal: 'Goals',
  'key-date': 'Key dates',
  obstacle: 'Obstacles',
  flag: 'Flags',
  change: 'Status and field changes',
  share: 'Access (shares)',
  notification: 'Notifications',
  assessment: 'Priority assessments',
  referral: 'Referrals',
  sharing: 'Information sharing',
  handover: 'Handovers',
};

/** Options for a NativeSelect from a label table, in the table's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/** A label for a code the table may not know (the API may grow): the code in words. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code.replaceAll(/[-_]/g, ' ');
}
