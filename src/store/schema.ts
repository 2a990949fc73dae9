/** Kysely table types: one interface per table, matching the migrations in ./migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Quadrant } from '../domain/priority/assess.ts';
import type { Band, ImpactLevel } from '../domain/priority/levels.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'adviser' | 'supervisor' | 'admin' | 'auditor';
export type SessionStage = 'full' | 'totp' | 'enrol';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  nation: Generated<'england-and-wales' | 'scotland' | 'northern-ireland'>;
  /** Working days before a key date at which its reminders go out. */
  reminder_lead_days: ColumnType<number[], number[] | undefined, number[]>;
  /** The organisation's calendar day ('YYYY-MM-DD') of the last daily re-assessment. */
  daily_run_on: DateOnlyNullable;
  /** Working days without attention after which a case counts as stalled. */
  stalled_after_days: Generated<number>;
  /** Default weeks between a practitioner's caseload reviews. */
  review_cadence_weeks: Generated<number>;
  records_financial_outcomes: Generated<boolean>;
  file_review_cases_per_practitioner: Generated<number>;
  file_review_period: Generated<FileReviewPeriod>;
  file_review_risk_share: ColumnType<string, string | number | undefined, string | number>;
  /** Months consent to recording lasts when a consent record has no expiry date of its own. */
  recording_consent_months: Generated<number>;
  created_at: CreatedAt;
}

export type FileReviewPeriod = 'month' | 'quarter' | 'half-year' | 'year';

export interface TeamsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  display_name: string;
  roles: Role[];
  status: Generated<'active' | 'disabled'>;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice (replay). */
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  capacity_points: ColumnType<string, string | number | undefined, string | number>;
  fte: ColumnType<string, string | number | undefined, string | number>;
  /** Hours a week available for casework (the forecast's capacity). */
  weekly_capacity_hours: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  org_id: string;
  team_id: string;
  user_id: string;
  role: 'member' | 'supervisor';
}

export interface RecoveryCodesTable {
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionsTable {
  token_hash: Buffer;
  org_id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  org_id: string;
  seq: ColumnType<number, number, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

type Numeric = ColumnType<string, string | number | undefined, string | number>;
type DateOnly = ColumnType<string, string, string>;
type DateOnlyNullable = ColumnType<string | null, string | null | undefined, string | null>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Search = ColumnType<string, never, never>;

export interface CaseTypesTable {
  id: Generated<string>;
  org_id: string;
  key: string;
  name: string;
  base_weight: Numeric;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
}

export interface SafeContact {
  voicemail?: boolean;
  letters?: boolean;
  safeTimes?: string;
  safeAddress?: string;
  safePhone?: string;
  notes?: string;
}

export interface AccessNeeds {
  interpreter?: boolean;
  language?: string;
  bsl?: boolean;
  easyRead?: boolean;
  other?: string;
}

export interface ClientsTable {
  id: Generated<string>;
  org_id: string;
  legal_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: DateOnlyNullable;
  email: string | null;
  phone: string | null;
  address: string | null;
  safe_contact: ColumnType<SafeContact, string | undefined, string>;
  access_needs: ColumnType<AccessNeeds, string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export type ConsentPurpose = 'recording' | 'referral' | 'feedback';
export type LawfulBasis =
  | 'consent'
  | 'contract'
  | 'legal-obligation'
  | 'vital-interests'
  | 'public-task'
  | 'legitimate-interests';

export interface ConsentsTable {
  id: Generated<string>;
  org_id: string;
  client_id: string;
  purpose: ConsentPurpose;
  lawful_basis: LawfulBasis;
  given_at: DateOnly;
  expires_at: DateOnlyNullable;
  withdrawn_at: DateOnlyNullable;
  notes: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  /** The consent this one renews (compliance migration). */
  renews_consent_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseReferenceCountersTable {
  org_id: string;
  year: number;
  last_number: number;
}

export type CaseStatus = 'open' | 'on_hold' | 'closed';

export interface CasesTable {
  id: Generated<string>;
  org_id: string;
  reference: string;
  client_id: string;
  case_type_id: string;
  presenting_issue: string;
  desired_outcome: string | null;
  status: Generated<CaseStatus>;
  hold_reason: string | null;
  outcome: string | null;
  closure_reason: string | null;
  /** The organisation's outcome category (outcome_types.key); NULL for cases closed before the list. */
  outcome_key: ColumnType<string | null, string | null | undefined, string | null>;
  owner_id: string;
  team_id: string | null;
  complexity_weight: Numeric;
  vulnerability_indicators: ColumnType<string[], string[] | undefined, string[]>;
  /** Client vulnerability 0–3, the practitioner's judgement. */
  vulnerability: Generated<number>;
  /** Impact if not actioned (ImpactLevel), the practitioner's judgement. */
  impact: Generated<ImpactLevel>;
  allocated_hours: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  estimated_effort_hours: ColumnType<
    string | null,
    string | number | null | undefined,
    string | number | null
  >;
  /** The current assessment (the latest), copied into the three columns below. */
  assessment_id: ColumnType<string | null, string | null | undefined, string | null>;
  priority_band: ColumnType<Band | null, Band | null | undefined, Band | null>;
  priority_score: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  assessed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  opened_at: CreatedAt;
  closed_at: Date | null;
  last_attention_at: Updated;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
  search: Search;
  /** When a closed case's personal data is due for destruction (retention; NULL while not closed). */
  destruction_due_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FieldChangesTable {
  id: Generated<number>;
  org_id: string;
  entity_type: 'case' | 'client';
  entity_id: string;
  field: string;
  old_value: ColumnType<unknown, string | null, never>;
  new_value: ColumnType<unknown, string | null, never>;
  reason: string | null;
  changed_by: string;
  changed_at: Date;
  /** The rectification request this change answered (migration 0600). */
  rectification_request_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseFlagsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  kind: 'safeguarding' | 'vulnerability';
  category: string;
  description: string | null;
  raised_by: string;
  raised_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution: string | null;
}

export interface CaseSharesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  user_id: string;
  kind: Generated<'share' | 'break-glass'>;
  reason: string;
  expires_at: Date | null;
  granted_by: string;
  granted_at: Date;
  revoked_at: Date | null;
}

export type GoalStatus = 'active' | 'achieved' | 'partly_achieved' | 'not_achieved' | 'withdrawn';

export interface GoalsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  description: string;
  measure: string | null;
  target_date: DateOnlyNullable;
  status: Generated<GoalStatus>;
  result_note: string | null;
  result_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export interface GoalProgressTable {
  id: Generated<string>;
  org_id: string;
  goal_id: string;
  text: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface ActionsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  description: string;
  owner_kind: 'practitioner' | 'client' | 'third_party';
  owner_user_id: string | null;
  owner_name: string | null;
  due_date: DateOnlyNullable;
  status: Generated<'open' | 'done' | 'cancelled'>;
  completed_at: Date | null;
  result: string | null;
  goal_id: string | null;
  /** The caseload review at which this action was agreed as an improvement. */
  review_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export type ObstacleCategory =
  | 'client-contact-lost'
  | 'awaiting-third-party'
  | 'awaiting-documents'
  | 'capacity'
  | 'policy-or-legislation'
  | 'language-or-access'
  | 'other';

export interface ObstaclesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  category: ObstacleCategory;
  description: string;
  since: DateOnly;
  plan: string | null;
  resolved_at: Date | null;
  resolution: string | null;
  /** The caseload review at which this obstacle was identified. */
  review_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export type KeyDateKind =
  | 'statutory-deadline'
  | 'hearing'
  | 'limitation-date'
  | 'appeal-deadline'
  | 'appointment'
  | 'internal-target';

export interface KeyDatesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  kind: KeyDateKind;
  due_date: DateOnly;
  due_time: string | null;
  description: string;
  source: string | null;
  status: Generated<'pending' | 'met' | 'missed' | 'cancelled'>;
  status_note: string | null;
  /** NULL: the organisation's reminder lead times. */
  reminder_lead_days: ColumnType<number[] | null, number[] | null | undefined, number[] | null>;
  /** How the date was computed from a time-limit template: { templateKey, eventDate, alternative, confirmedBy }. */
  computed_from: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export type NoteType = 'contact' | 'advice' | 'action' | 'referral' | 'review' | 'safeguarding' | 'file-note';
export type ContactChannel = 'phone' | 'face-to-face' | 'video' | 'email' | 'letter';

export interface NotesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  author_id: string;
  status: Generated<'draft' | 'filed'>;
  type: NoteType;
  contact_channel: ContactChannel | null;
  occurred_at: Date;
  recorded_at: Date | null;
  facts: Generated<string>;
  advice: Generated<string>;
  actions_agreed: Generated<string>;
  judgement: Generated<string>;
  sensitivity: Generated<'normal' | 'restricted'>;
  amends_note_id: string | null;
  amendment_reason: string | null;
  goal_ids: ColumnType<string[], string[] | undefined, string[]>;
  action_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: Updated;
  search: Search;
}

export interface DocumentsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  note_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface NotificationsTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  kind: string;
  case_id: string | null;
  message: string;
  created_at: Date;
  read_at: Date | null;
  /** NULL when the system sent it; the colleague who informed the recipient otherwise. */
  sent_by: ColumnType<string | null, string | null | undefined, string | null>;
  email_status: Generated<EmailStatus>;
  email_attempts: Generated<number>;
  emailed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  email_error: ColumnType<string | null, string | null | undefined, string | null>;
}

export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';

export type AssessmentTrigger =
  | 'practitioner'
  | 'case-opened'
  | 'case-changed'
  | 'flag'
  | 'key-date'
  | 'note'
  | 'daily'
  | 'policy'
  | 'timescales';

/** Every assessment of a case; never updated or deleted (a trigger refuses). */
export interface AssessmentsTable {
  id: Generated<string>;
  /** The order assessments were stored in. */
  seq: ColumnType<string, never, never>;
  org_id: string;
  case_id: string;
  /** 0 for the built-in default policy. */
  policy_version: number;
  trigger: AssessmentTrigger;
  /** AssessmentInputs (src/domain/priority/facts.ts), dates as ISO strings. */
  inputs: ColumnType<unknown, string, never>;
  score: ColumnType<string, string | number, never>;
  score_band: Band;
  computed_band: Band;
  band: Band;
  quadrant: Quadrant;
  forced_by: string | null;
  /** Contribution[] */
  contributions: ColumnType<unknown, string, never>;
  /** FiredRule[] */
  rules_fired: ColumnType<unknown, string, never>;
  /** string[] */
  reasons: ColumnType<unknown, string, never>;
  rationale: string | null;
  override_band: Band | null;
  override_rationale: string | null;
  assessed_by: string | null;
  assessed_at: Date;
}

export interface CaseSpecialistsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  user_id: string;
  role: string;
  hours: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  added_by: string;
  added_at: Date;
  removed_by: string | null;
  removed_at: Date | null;
  /** The case share granted when the specialist was added (NULL: they could see the case already). */
  share_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ServiceTimescalesTable {
  org_id: string;
  /** NULL: the organisation's default for the band. */
  case_type_id: string | null;
  band: Band;
  first_contact_days: number;
  review_days: number;
  resolution_days: number;
  updated_by: string | null;
  updated_at: Date;
}

export interface TimeLimitTemplatesTable {
  id: Generated<string>;
  org_id: string;
  key: string;
  /** A TimeLimitTemplate without its key (src/domain/time-limits/templates.ts). */
  template: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AlertsSentTable {
  org_id: string;
  /** 'key-date-reminder', 'key-date-missed', 'turned-red', 'timescale-breached' */
  kind: string;
  /** What the alert is about, unique within its kind: '<keyDateId>:5'. */
  subject_key: string;
  case_id: string | null;
  sent_at: Date;
}

/** One version of an organisation's priority policy; never updated or deleted (a trigger refuses). */
export interface PriorityPoliciesTable {
  org_id: string;
  version: number;
  /** A PriorityPolicy (src/domain/priority/policy.ts), validated before it was stored. */
  policy: ColumnType<unknown, string, never>;
  change_note: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface GlossaryTermsTable {
  org_id: string;
  term: string;
  meaning: string;
}

export type ComplexityRule = 'manual' | 'vulnerability-high' | 'interpreter-needed' | 'safeguarding-open';

export interface ComplexityFactorsTable {
  id: Generated<string>;
  org_id: string;
  key: string;
  label: string;
  multiplier: Numeric;
  applies_when: Generated<ComplexityRule>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  updated_by: string | null;
  updated_at: Updated;
}

export interface CaseComplexityFactorsTable {
  org_id: string;
  case_id: string;
  factor_id: string;
  added_by: string;
  added_at: Date;
}

export type ExternalFactorKind =
  | 'policy-change'
  | 'seasonal-peak'
  | 'office-closure'
  | 'staff-absence'
  | 'other';

export interface ExternalFactorsTable {
  id: Generated<string>;
  org_id: string;
  kind: ExternalFactorKind;
  title: string;
  description: string | null;
  starts_on: DateOnly;
  ends_on: DateOnlyNullable;
  team_id: string | null;
  user_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

export interface ReviewSchedulesTable {
  org_id: string;
  practitioner_id: string;
  /** NULL: the organisation's cadence. */
  cadence_weeks: number | null;
  next_due_on: DateOnly;
  updated_by: string | null;
  updated_at: Updated;
}

export type ReviewStatus = 'in-progress' | 'completed';

/** A caseload review (supervision); the snapshot is frozen by a trigger, a completed review entirely. */
export interface CaseloadReviewsTable {
  id: Generated<string>;
  org_id: string;
  practitioner_id: string;
  supervisor_id: string;
  status: Generated<ReviewStatus>;
  started_at: Date;
  completed_at: Date | null;
  snapshot: ColumnType<unknown, string, never>;
  summary: string | null;
  next_review_on: DateOnlyNullable;
}

export type ReviewReasonKind = 'red' | 'stalled' | 'neglected' | 'over-timescale' | 'over-capacity' | 'added';

export interface ReviewCasesTable {
  id: Generated<string>;
  org_id: string;
  review_id: string;
  case_id: string;
  proposed: boolean;
  /** ReviewReason[]: { kind, reason } */
  reasons: ColumnType<unknown, string, string>;
  decision: string | null;
  obstacles: string | null;
  discussed_at: Date | null;
}

export interface ReflectionsTable {
  id: Generated<string>;
  org_id: string;
  author_id: string;
  title: string;
  occurred_on: DateOnly;
  description: Generated<string>;
  feelings: Generated<string>;
  evaluation: Generated<string>;
  analysis: Generated<string>;
  conclusion: Generated<string>;
  action_plan: Generated<string>;
  created_at: CreatedAt;
  updated_at: Updated;
}

export interface ReviewReflectionsTable {
  org_id: string;
  review_id: string;
  reflection_id: string;
  shared_at: Date;
}

export interface FileReviewItemsTable {
  id: Generated<string>;
  org_id: string;
  key: string;
  label: string;
  guidance: string | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface FileReviewsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  practitioner_id: string;
  period: string;
  selection: 'random' | 'risk' | 'manual';
  selection_reason: string | null;
  status: Generated<'due' | 'completed'>;
  reviewer_id: string | null;
  selected_by: string;
  selected_at: Date;
  completed_at: Date | null;
  summary: string | null;
}

export interface FileReviewAnswersTable {
  org_id: string;
  file_review_id: string;
  item_id: string;
  item_label: string;
  result: 'met' | 'not-met' | 'not-applicable';
  comment: string | null;
}

export interface CorrectiveActionsTable {
  id: Generated<string>;
  org_id: string;
  file_review_id: string;
  item_id: string | null;
  description: string;
  assigned_to: string;
  due_on: DateOnly;
  done_at: Date | null;
  done_note: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  verification_note: string | null;
  created_by: string;
  created_at: Date;
}

export interface CaseHandoversTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  from_user_id: string;
  to_user_id: string;
  note: string;
  handed_over_by: string;
  handed_over_at: Date;
  acknowledged_at: Date | null;
}

export type ReferralStatus = 'made' | 'received' | 'accepted' | 'declined' | 'completed' | 'withdrawn';

export interface ReferralsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  direction: 'out' | 'in';
  organisation: string;
  service: string | null;
  reason: string;
  information_shared: string | null;
  consent_id: string | null;
  lawful_basis: string | null;
  sharing_rationale: string | null;
  status: ReferralStatus;
  outcome: string | null;
  referred_on: DateOnly;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Every disclosure and every decision not to disclose; never updated or deleted (a trigger refuses). */
export interface SharingRecordsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  decision: 'shared' | 'not-shared';
  recipient: string;
  information: string;
  purpose: string;
  lawful_basis: string | null;
  consent_id: string | null;
  rationale: string;
  decided_on: DateOnly;
  referral_id: string | null;
  /** The earlier record this one corrects (records are never changed; migration 0510). */
  corrects_id: ColumnType<string | null, string | null | undefined, never>;
  recorded_by: string;
  recorded_at: Date;
}

export interface OutcomeTypesTable {
  id: Generated<string>;
  org_id: string;
  key: string;
  label: string;
  positive: Generated<boolean>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
}

export type FinancialOutcomeKind =
  | 'income-gained'
  | 'debt-written-off'
  | 'arrears-cleared'
  | 'backdated-award'
  | 'other';

export interface FinancialOutcomesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  kind: FinancialOutcomeKind;
  /** Whole pence (bigint: pg returns a string). */
  amount_pence: ColumnType<string, string | number, string | number>;
  frequency: 'one-off' | 'weekly' | 'monthly' | 'annual';
  description: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export type SubjectAccessStatus = 'received' | 'in-progress' | 'extended' | 'completed' | 'refused';

/** The subject access register (migration 0600). */
export interface SubjectAccessRequestsTable {
  id: Generated<string>;
  org_id: string;
  client_id: string;
  received_on: DateOnly;
  requester_kind: 'client' | 'representative';
  requester_name: string | null;
  requester_authority: string | null;
  identity_verified: boolean;
  identity_evidence: string | null;
  notes: string | null;
  due_on: DateOnly;
  status: Generated<SubjectAccessStatus>;
  extended_due_on: DateOnlyNullable;
  extension_reason: ColumnType<string | null, string | null | undefined, string | null>;
  extension_notice_sent_on: DateOnlyNullable;
  closed_on: DateOnlyNullable;
  closure_reason: ColumnType<string | null, string | null | undefined, string | null>;
  restricted_decision: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  restricted_decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
  restricted_decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  restricted_decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_exported_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Updated;
}

/** Rectification requests (migration 0600). */
export interface RectificationRequestsTable {
  id: Generated<string>;
  org_id: string;
  client_id: string;
  received_on: DateOnly;
  what: string;
  requested_change: string;
  due_on: DateOnly;
  status: Generated<'received' | 'rectified' | 'refused'>;
  outcome_reason: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string;
  created_at: CreatedAt;
}

export interface RectificationNoteLinksTable {
  org_id: string;
  rectification_request_id: string;
  note_id: string;
  linked_by: string;
  linked_at: Date;
}

export type BreachRiskLevel = 'not-assessed' | 'unlikely' | 'risk' | 'high-risk';
export type BreachReportDecision = 'undecided' | 'report' | 'do-not-report';

/** A suspected or actual personal data breach (compliance migration). */
export interface BreachesTable {
  id: Generated<string>;
  org_id: string;
  discovered_at: Timestamp;
  what_happened: string;
  data_categories: ColumnType<string[], string[] | undefined, string[]>;
  people_affected: number | null;
  people_categories: ColumnType<string[], string[] | undefined, string[]>;
  containment: string | null;
  risk_level: ColumnType<BreachRiskLevel, BreachRiskLevel | undefined, BreachRiskLevel>;
  risk_assessment: string | null;
  report_decision: ColumnType<BreachReportDecision, BreachReportDecision | undefined, BreachReportDecision>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ico_reference: string | null;
  individuals_informed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  recorded_by: string;
  recorded_at: CreatedAt;
  updated_at: Updated;
}

/** Equality monitoring answers, one row per client, kept apart from case records. */
export interface EqualityMonitoringTable {
  org_id: string;
  client_id: string;
  age_band: string | null;
  sex: string | null;
  gender_same_as_birth: string | null;
  sexual_orientation: string | null;
  ethnicity: string | null;
  religion: string | null;
  disability: string | null;
  pregnancy_maternity: string | null;
  marital_status: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  updated_at: Updated;
}

export interface DB {
  organisations: OrganisationsTable;
  teams: TeamsTable;
  users: UsersTable;
  team_members: TeamMembersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  case_types: CaseTypesTable;
  clients: ClientsTable;
  consents: ConsentsTable;
  case_reference_counters: CaseReferenceCountersTable;
  cases: CasesTable;
  field_changes: FieldChangesTable;
  case_flags: CaseFlagsTable;
  case_shares: CaseSharesTable;
  goals: GoalsTable;
  goal_progress: GoalProgressTable;
  actions: ActionsTable;
  obstacles: ObstaclesTable;
  key_dates: KeyDatesTable;
  notes: NotesTable;
  documents: DocumentsTable;
  glossary_terms: GlossaryTermsTable;
  notifications: NotificationsTable;
  priority_policies: PriorityPoliciesTable;
  assessments: AssessmentsTable;
  case_specialists: CaseSpecialistsTable;
  service_timescales: ServiceTimescalesTable;
  time_limit_templates: TimeLimitTemplatesTable;
  alerts_sent: AlertsSentTable;
  complexity_factors: ComplexityFactorsTable;
  case_complexity_factors: CaseComplexityFactorsTable;
  external_factors: ExternalFactorsTable;
  review_schedules: ReviewSchedulesTable;
  caseload_reviews: CaseloadReviewsTable;
  review_cases: ReviewCasesTable;
  reflections: ReflectionsTable;
  review_reflections: ReviewReflectionsTable;
  file_review_items: FileReviewItemsTable;
  file_reviews: FileReviewsTable;
  file_review_answers: FileReviewAnswersTable;
  corrective_actions: CorrectiveActionsTable;
  case_handovers: CaseHandoversTable;
  referrals: ReferralsTable;
  sharing_records: SharingRecordsTable;
  outcome_types: OutcomeTypesTable;
  financial_outcomes: FinancialOutcomesTable;
  subject_access_requests: SubjectAccessRequestsTable;
  rectification_requests: RectificationRequestsTable;
  rectification_note_links: RectificationNoteLinksTable;
  breaches: BreachesTable;
  equality_monitoring: EqualityMonitoringTable;
  retention_schedules: RetentionSchedulesTable;
  retention_extensions: RetentionExtensionsTable;
  erasure_requests: ErasureRequestsTable;
  tombstones: TombstonesTable;
  audit_redactions: AuditRedactionsTable;
  rate_limit_hits: RateLimitHitsTable;
}

/** Requests counted against a per-IP limit in a fixed window, shared by every app process. */
export interface RateLimitHitsTable {
  /** The limit's route and the client address. */
  key: string;
  hits: number;
  resets_at: Date;
}

export type CaseRow = Selectable<CasesTable>;
export type ClientRow = Selectable<ClientsTable>;
export type NoteRow = Selectable<NotesTable>;

export type TeamRow = Selectable<TeamsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

/** Years a closed case of a type is kept before its personal data is erased (no row: 6 years). */
export interface RetentionSchedulesTable {
  org_id: string;
  case_type_id: string;
  retention_years: number;
  updated_by: string;
  updated_at: Date;
}

/** A case's destruction date moved later, with the reason. */
export interface RetentionExtensionsTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  previous_on: DateOnly;
  until: DateOnly;
  reason: string;
  extended_by: string;
  extended_at: Date;
}

export type ErasureRequestStatus = 'pending' | 'approved' | 'refused';

/** A right-to-erasure request: recorded by one person, approved or refused by another. */
export interface ErasureRequestsTable {
  id: Generated<string>;
  org_id: string;
  /** NULL once the client has been erased. */
  client_id: string | null;
  received_on: DateOnly;
  reason: string;
  status: Generated<ErasureRequestStatus>;
  recorded_by: string;
  recorded_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  /** Cases erased when approved. */
  case_count: number | null;
}

export interface TombstoneFinancialTotal {
  readonly kind: FinancialOutcomeKind;
  readonly frequency: string;
  readonly count: number;
  readonly totalPence: string;
}

/** What is left of an erased case: pseudonymous, for statistics. */
export interface TombstonesTable {
  id: string;
  org_id: string;
  case_reference: string;
  case_type_key: string;
  case_type_name: string;
  opened_on: DateOnly;
  closed_on: DateOnlyNullable;
  outcome_key: string | null;
  financial_outcomes: ColumnType<TombstoneFinancialTotal[], string | undefined, string>;
  reason: 'retention' | 'erasure-request';
  erasure_request_id: string | null;
  erased_by: string;
  erased_at: Date;
}

/** An audit event whose free-text details were replaced on erasure (it keeps its hash). */
export interface AuditRedactionsTable {
  org_id: string;
  seq: number;
  tombstone_id: string;
  paths: string[];
  redacted_at: Date;
}
