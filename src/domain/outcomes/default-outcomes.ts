/** The outcome list a new organisation starts with (admins edit it; the migration seeds the same). */
export interface DefaultOutcomeType {
  readonly key: string;
  readonly label: string;
  /** Counts as a successful outcome in reports. */
  readonly positive: boolean;
}

export const DEFAULT_OUTCOME_TYPES: readonly DefaultOutcomeType[] = [
  { key: 'resolved', label: 'Resolved', positive: true },
  { key: 'partly-resolved', label: 'Partly resolved', positive: true },
  { key: 'referred-on', label: 'Referred on', positive: false },
  { key: 'client-withdrew', label: 'Client withdrew', positive: false },
  { key: 'no-contact', label: 'No contact', positive: false },
  { key: 'not-resolved', label: 'Not resolved', positive: false },
];
