/** The file-review checklist a new organisation starts with (admins edit it; the migration seeds the same). */
export interface DefaultChecklistItem {
  readonly key: string;
  readonly label: string;
}

export const DEFAULT_FILE_REVIEW_CHECKLIST: readonly DefaultChecklistItem[] = [
  {
    key: 'notes-contemporaneous',
    label: 'Notes are contemporaneous, clear and keep fact apart from opinion',
  },
  { key: 'key-dates-recorded', label: 'Key dates are recorded with their source' },
  { key: 'advice-confirmed', label: 'Advice was confirmed to the client in writing' },
  { key: 'next-steps-agreed', label: 'Next steps are agreed and tied to the case’s goals' },
  { key: 'priority-rationale', label: 'The priority has a rationale' },
  { key: 'consent-recorded', label: 'Consent and any information sharing are recorded' },
];
