/**
 * The shared data-protection seeder: ONE client whose personal data sits in every table that can hold
 * data about a client, with distinctive markers (also inside free text), so that a test can check
 * that an export contains everything (subject access) or that nothing is left (erasure):
 *
 *   const seeded = await seedClientEverywhere(t.db);            // a new organisation
 *   const seeded = await seedClientEverywhere(t.db, { orgId }); // into an existing one
 *   seeded.markers.legalName  // 'Zebedee Quillfeather'
 *   seeded.ids.notes.filed    // the id of the filed note, and so on per table
 *
 * Rows are written the way the application writes them (real references, filed notes immutable,
 * a completed caseload review and file review, an assessment stored by the real re-assessment
 * service, audit events whose details hold ids and field names only). Two cases: one open, one
 * closed with an outcome. Family member and third party are named in free text for redaction checks.
 * Also the data-protection records (migrations 0600–0630): a renewed consent, equality-monitoring
 * answers, a completed subject access request, a rectified rectification request (with its
 * field change and amendment-note link) and a refused erasure request.
 *
 * Do not edit casually: the subject-access, retention/erasure, anonymise and backup tests rely on it.
 * Ask the retention owner to add a table when a new one can hold client data.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../src/domain/access/actor.ts';
import { formatCaseReference } from '../../src/domain/cases/reference.ts';
import { DEFAULT_RETENTION_YEARS, destructionDate } from '../../src/domain/retention/retention.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { reassessCases } from '../../src/services/priority/reassess-cases.ts';
import { appendAuditEvent } from '../../src/store/audit.ts';
import { nextCaseNumber } from '../../src/store/cases.ts';
import type { Db } from '../../src/store/db.ts';
import { insertOrganisation, insertTeam, insertUser } from '../factories.ts';

/** The client's personal data, as it appears in the rows (search for these to find a trace). */
export const CLIENT_MARKERS = {
  legalName: 'Zebedee Quillfeather',
  /** A distinctive surname on its own (also its English stem `quillfeath` in tsvector columns). */
  surname: 'Quillfeather',
  preferredName: 'Zeb Quill',
  pronouns: 'he/him',
  dateOfBirth: '1961-02-03',
  /** The date of birth as people write it in free text. */
  dateOfBirthText: '03/02/1961',
  niNumber: 'QQ 12 34 56 C',
  phone: '07700 900123',
  email: 'zebedee.quillfeather@example.net',
  address: '12 Larkspur Row, Exeter EX1 9ZZ',
  postcode: 'EX1 9ZZ',
  /** A family member named in free text (another person: a redaction candidate, not the client). */
  familyMember: 'Marigold Quillfeather',
  /** A third party named in free text. */
  thirdParty: 'Dr Ottoline Brackenbury',
  safePhone: '07700 900456',
} as const;

export type ClientMarkers = typeof CLIENT_MARKERS;

export interface SeededClient {
  readonly orgId: string;
  readonly teamId: string;
  /** The adviser who owns both cases. */
  readonly ownerId: string;
  /** The team's supervisor (reviews, file reviews, specialist, handover recipient). */
  readonly supervisorId: string;
  readonly clientId: string;
  /** [open case, closed case]. */
  readonly caseIds: readonly [string, string];
  readonly openCaseId: string;
  readonly closedCaseId: string;
  readonly references: { readonly open: string; readonly closed: string };
  readonly markers: ClientMarkers;
  /** Every id written, per table. */
  readonly ids: {
    readonly clients: readonly string[];
    /** `renewal` renews `recording` (consents.renews_consent_id). */
    readonly consents: { readonly recording: string; readonly referral: string; readonly renewal: string };
    readonly cases: readonly string[];
    /** The last client change is the rectification's (field_changes.rectification_request_id). */
    readonly fieldChanges: { readonly client: readonly number[]; readonly case: readonly number[] };
    readonly caseFlags: readonly string[];
    readonly caseShares: readonly string[];
    readonly goals: readonly string[];
    readonly goalProgress: readonly string[];
    /** [plain action, action agreed at the caseload review (review_id set)]. */
    readonly actions: readonly string[];
    readonly obstacles: readonly string[];
    readonly keyDates: readonly string[];
    readonly notes: {
      readonly filed: string;
      readonly amendment: string;
      readonly restricted: string;
      readonly draft: string;
    };
    readonly documents: readonly string[];
    readonly notifications: readonly string[];
    readonly assessments: readonly string[];
    readonly caseSpecialists: readonly string[];
    /** factor ids added to the open case (case_complexity_factors has no id of its own). */
    readonly caseComplexityFactors: readonly string[];
    readonly caseloadReviews: readonly string[];
    readonly reviewCases: readonly string[];
    readonly fileReviews: readonly string[];
    /** item ids answered in the file review (file_review_answers has no id of its own). */
    readonly fileReviewAnswers: readonly string[];
    readonly correctiveActions: readonly string[];
    readonly caseHandovers: readonly string[];
    readonly referrals: readonly string[];
    readonly sharingRecords: readonly string[];
    readonly financialOutcomes: readonly string[];
    /** subject_key of the alerts_sent rows. */
    readonly alertsSent: readonly string[];
    /** client_id of the equality_monitoring row (the table has no id of its own). */
    readonly equalityMonitoring: readonly string[];
    readonly subjectAccessRequests: readonly string[];
    readonly rectificationRequests: readonly string[];
    /** note ids linked to the rectification request (rectification_note_links has no id). */
    readonly rectificationNoteLinks: readonly string[];
    /** A refused request (status 'refused'): it does not block recording a new one. */
    readonly erasureRequests: readonly string[];
    /** seq of the audit events written about the client and its cases. */
    readonly auditEvents: readonly number[];
  };
}

/** Tables this seeder writes a client's data into (the SAR and erasure tests check each). */
export const SEEDED_TABLES = [
  'clients',
  'consents',
  'cases',
  'field_changes',
  'case_flags',
  'case_shares',
  'goals',
  'goal_progress',
  'actions',
  'obstacles',
  'key_dates',
  'notes',
  'documents',
  'notifications',
  'assessments',
  'case_specialists',
  'case_complexity_factors',
  'caseload_reviews',
  'review_cases',
  'file_reviews',
  'file_review_answers',
  'corrective_actions',
  'case_handovers',
  'referrals',
  'sharing_records',
  'financial_outcomes',
  'alerts_sent',
  'equality_monitoring',
  'subject_access_requests',
  'rectification_requests',
  'rectification_note_links',
  'erasure_requests',
  'audit_events',
] as const;

const M = CLIENT_MARKERS;
const DAY = 86_400_000;

export async function seedClientEverywhere(db: Db, options: { orgId?: string } = {}): Promise<SeededClient> {
  const orgId = options.orgId ?? (await insertOrganisation(db)).id;
  const team = await insertTeam(db, { orgId });
  const owner = await insertUser(db, { orgId, roles: ['adviser'], team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(db, {
    orgId,
    roles: ['adviser', 'supervisor'],
    team: { id: team.id, role: 'supervisor' },
  });
  const now = new Date();
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);

  // Audit events, as the application writes them: ids, codes and field names only.
  const auditSeqs: number[] = [];
  const auditAbout = async (
    actorId: string,
    action: string,
    entityType: string,
    entityId: string,
    details: Record<string, unknown> = {},
  ) => {
    const e = await appendAuditEvent(db, { orgId, actorId, action, entityType, entityId, details });
    auditSeqs.push(e.seq);
  };

  // -- clients (with safe-contact and access-needs JSON) -------------------------------------------
  const client = await db
    .insertInto('clients')
    .values({
      org_id: orgId,
      legal_name: M.legalName,
      preferred_name: M.preferredName,
      pronouns: M.pronouns,
      date_of_birth: M.dateOfBirth,
      email: M.email,
      phone: M.phone,
      address: M.address,
      safe_contact: JSON.stringify({
        voicemail: false,
        letters: true,
        safeTimes: 'Weekday mornings',
        safeAddress: M.address,
        safePhone: M.safePhone,
        notes: `Do not discuss with ${M.familyMember}.`,
      }),
      access_needs: JSON.stringify({
        interpreter: false,
        easyRead: true,
        other: `Large print for ${M.legalName}`,
      }),
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'client.created', 'client', client.id);

  // -- consents ----------------------------------------------------------------------------------
  const consentRecording = await db
    .insertInto('consents')
    .values({
      org_id: orgId,
      client_id: client.id,
      purpose: 'recording',
      lawful_basis: 'consent',
      given_at: isoDay(daysAgo(60)),
      expires_at: isoDay(daysAgo(60 - 365)),
      withdrawn_at: null,
      notes: `${M.legalName} consented by phone on ${M.phone}.`,
      recorded_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consentReferral = await db
    .insertInto('consents')
    .values({
      org_id: orgId,
      client_id: client.id,
      purpose: 'referral',
      lawful_basis: 'consent',
      given_at: isoDay(daysAgo(30)),
      expires_at: null,
      withdrawn_at: null,
      notes: `Agreed referral to the food bank; ${M.familyMember} present.`,
      recorded_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'consent.recorded', 'client', client.id, { consentId: consentRecording.id });
  await auditAbout(owner.id, 'consent.recorded', 'client', client.id, { consentId: consentReferral.id });

  // -- cases: one open, one closed with an outcome -------------------------------------------------
  const caseType = await db
    .selectFrom('case_types')
    .select('id')
    .where('org_id', '=', orgId)
    .where('key', '=', 'welfare-benefits')
    .executeTakeFirstOrThrow();
  const year = now.getUTCFullYear();
  const newReference = async () => formatCaseReference(year, await nextCaseNumber(db, orgId, year));
  const refOpen = await newReference();
  const refClosed = await newReference();
  const openCase = await db
    .insertInto('cases')
    .values({
      org_id: orgId,
      reference: refOpen,
      client_id: client.id,
      case_type_id: caseType.id,
      presenting_issue: `${M.legalName} (DOB ${M.dateOfBirthText}, NI ${M.niNumber}) had PIP refused.`,
      desired_outcome: `PIP awarded so ${M.preferredName} can stay at ${M.address}.`,
      hold_reason: null,
      outcome: null,
      closure_reason: null,
      owner_id: owner.id,
      team_id: team.id,
      complexity_weight: 1.5,
      vulnerability_indicators: ['health'],
      vulnerability: 2,
      impact: 'loss-of-income',
      closed_at: null,
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const closedAt = daysAgo(20);
  const closedCase = await db
    .insertInto('cases')
    .values({
      org_id: orgId,
      reference: refClosed,
      client_id: client.id,
      case_type_id: caseType.id,
      presenting_issue: `Council tax arrears for ${M.legalName}; call ${M.phone}.`,
      desired_outcome: `Arrears written off; letters to ${M.email}.`,
      status: 'closed',
      hold_reason: null,
      outcome_key: 'resolved',
      outcome: `${M.legalName}'s arrears were written off.`,
      closure_reason: `Resolved; ${M.thirdParty} confirmed the medical evidence.`,
      owner_id: owner.id,
      team_id: team.id,
      complexity_weight: 1,
      closed_at: closedAt,
      // As closing sets it (src/services/retention/destruction-date.ts): the default schedule.
      destruction_due_on: destructionDate(isoDay(closedAt), DEFAULT_RETENTION_YEARS),
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of [openCase, closedCase])
    await auditAbout(owner.id, 'case.created', 'case', c.id, { clientId: client.id });
  await auditAbout(owner.id, 'case.status_changed', 'case', closedCase.id, {
    from: 'open',
    to: 'closed',
    fields: ['status', 'outcomeKey', 'outcome', 'closureReason'],
    outcomeKey: 'resolved',
  });
  await auditAbout(owner.id, 'case.viewed', 'case', openCase.id);

  // -- field_changes: client and case --------------------------------------------------------------
  const clientChanges = await db
    .insertInto('field_changes')
    .values([
      {
        org_id: orgId,
        entity_type: 'client',
        entity_id: client.id,
        field: 'legalName',
        old_value: JSON.stringify('Zebedee Quilfeather'),
        new_value: JSON.stringify(M.legalName),
        reason: `Spelling corrected from ${M.legalName}'s passport.`,
        changed_by: owner.id,
        changed_at: daysAgo(50),
      },
      {
        org_id: orgId,
        entity_type: 'client',
        entity_id: client.id,
        field: 'phone',
        old_value: JSON.stringify('07700 900999'),
        new_value: JSON.stringify(M.phone),
        reason: null,
        changed_by: owner.id,
        changed_at: daysAgo(49),
      },
    ])
    .returning('id')
    .execute();
  await auditAbout(owner.id, 'client.updated', 'client', client.id, { fields: ['legalName', 'phone'] });
  const caseChanges = await db
    .insertInto('field_changes')
    .values({
      org_id: orgId,
      entity_type: 'case',
      entity_id: openCase.id,
      field: 'presentingIssue',
      old_value: JSON.stringify(`PIP refused for ${M.legalName}`),
      new_value: JSON.stringify(
        `${M.legalName} (DOB ${M.dateOfBirthText}, NI ${M.niNumber}) had PIP refused.`,
      ),
      reason: 'Added identifiers',
      changed_by: owner.id,
      changed_at: daysAgo(48),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'case.updated', 'case', openCase.id, { fields: ['presentingIssue'] });

  // -- case_flags, case_shares ------------------------------------------------------------------
  const flag = await db
    .insertInto('case_flags')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      kind: 'safeguarding',
      category: 'domestic abuse',
      description: `${M.familyMember} reports threats to ${M.legalName}.`,
      raised_by: owner.id,
      raised_at: daysAgo(40),
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'case.flag_raised', 'case', openCase.id, {
    flagId: flag.id,
    kind: 'safeguarding',
  });
  const share = await db
    .insertInto('case_shares')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      user_id: supervisor.id,
      kind: 'share',
      reason: `Second opinion on ${M.legalName}'s PIP appeal.`,
      expires_at: null,
      granted_by: owner.id,
      granted_at: daysAgo(39),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'case.shared', 'case', openCase.id, {
    shareId: share.id,
    userId: supervisor.id,
  });
  // The one event type whose details hold free text (src/domain/retention/retention.ts,
  // AUDIT_FREE_TEXT_FIELDS): a break-glass reason, written as a practitioner might.
  await auditAbout(supervisor.id, 'case.break_glass', 'case', openCase.id, {
    shareId: share.id,
    reason: `${M.legalName} rang in crisis; owner off sick`,
    expiresAt: daysAgo(38).toISOString(),
    notified: [owner.id],
  });

  // -- goals, goal_progress --------------------------------------------------------------------
  const goal = await db
    .insertInto('goals')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      description: `${M.preferredName} receives PIP daily living component.`,
      measure: `Award letter to ${M.address}`,
      target_date: isoDay(daysAgo(-60)),
      result_note: null,
      result_at: null,
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const progress = await db
    .insertInto('goal_progress')
    .values({
      org_id: orgId,
      goal_id: goal.id,
      text: `Mandatory reconsideration lodged for ${M.legalName}.`,
      recorded_by: owner.id,
      recorded_at: daysAgo(35),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'goal.created', 'goal', goal.id, { caseId: openCase.id });

  // -- caseload review (completed at the end, once its cases and actions are in) ------------------
  const review = await db
    .insertInto('caseload_reviews')
    .values({
      org_id: orgId,
      practitioner_id: owner.id,
      supervisor_id: supervisor.id,
      started_at: daysAgo(10),
      completed_at: null,
      // Shaped like start-review.ts writes it: ids, references, bands and reasons — no names.
      snapshot: JSON.stringify({
        version: 1,
        takenAt: daysAgo(10).toISOString(),
        today: isoDay(daysAgo(10)),
        practitioner: { id: owner.id, displayName: owner.display_name },
        proposals: [
          {
            caseId: openCase.id,
            reference: refOpen,
            band: 'red',
            reasons: [{ kind: 'red', reason: 'Safeguarding concern raised.' }],
          },
        ],
      }),
      summary: `Discussed ${M.legalName}'s PIP appeal and the safeguarding concern.`,
      next_review_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reviewCase = await db
    .insertInto('review_cases')
    .values({
      org_id: orgId,
      review_id: review.id,
      case_id: openCase.id,
      proposed: true,
      reasons: JSON.stringify([{ kind: 'red', reason: 'Safeguarding concern raised.' }]),
      decision: `Refer ${M.preferredName} to the IDVA; chase ${M.thirdParty} for evidence.`,
      obstacles: `${M.legalName} has no phone credit.`,
      discussed_at: daysAgo(10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // -- actions (one agreed at the review), obstacles, key_dates ----------------------------------
  const action = await db
    .insertInto('actions')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      description: `Get GP letter from ${M.thirdParty} for ${M.legalName}.`,
      owner_kind: 'third_party',
      owner_user_id: null,
      owner_name: M.thirdParty,
      due_date: isoDay(daysAgo(-7)),
      completed_at: null,
      result: null,
      goal_id: goal.id,
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reviewAction = await db
    .insertInto('actions')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      description: `Call ${M.legalName} on ${M.phone} about the IDVA referral.`,
      owner_kind: 'practitioner',
      owner_user_id: owner.id,
      owner_name: null,
      due_date: isoDay(daysAgo(-3)),
      completed_at: null,
      result: null,
      goal_id: null,
      review_id: review.id,
      created_by: supervisor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const obstacle = await db
    .insertInto('obstacles')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      category: 'client-contact-lost',
      description: `${M.legalName} not answering ${M.phone}.`,
      since: isoDay(daysAgo(12)),
      plan: `Write to ${M.address}.`,
      resolved_at: null,
      resolution: null,
      review_id: review.id,
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const keyDate = await db
    .insertInto('key_dates')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      kind: 'hearing',
      due_date: isoDay(daysAgo(-14)),
      due_time: '10:30',
      description: `Tribunal hearing for ${M.legalName}, NI ${M.niNumber}.`,
      source: `Letter from HMCTS to ${M.address}`,
      status_note: null,
      reminder_lead_days: null,
      computed_from: null,
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'action.created', 'action', action.id, { caseId: openCase.id });
  await auditAbout(supervisor.id, 'action.created', 'action', reviewAction.id, {
    caseId: openCase.id,
    reviewId: review.id,
  });
  await auditAbout(owner.id, 'obstacle.recorded', 'obstacle', obstacle.id, { caseId: openCase.id });
  await auditAbout(owner.id, 'key_date.created', 'key_date', keyDate.id, { caseId: openCase.id });

  // -- notes: filed, its amendment, a restricted one, a draft ------------------------------------
  const noteBase = {
    org_id: orgId,
    case_id: openCase.id,
    author_id: owner.id,
    contact_channel: 'phone' as const,
    goal_ids: [] as string[],
    action_ids: [] as string[],
  };
  const filed = await db
    .insertInto('notes')
    .values({
      ...noteBase,
      status: 'filed',
      type: 'contact',
      occurred_at: daysAgo(30),
      recorded_at: daysAgo(30),
      facts: `${M.legalName} (born ${M.dateOfBirthText}) rang from ${M.phone}; email ${M.email}.`,
      advice: `Advised ${M.preferredName} to ask for a mandatory reconsideration; NI ${M.niNumber}.`,
      actions_agreed: 'Draft the MR letter.',
      judgement: `${M.familyMember} helps with forms; ${M.thirdParty} is the GP.`,
      amends_note_id: null,
      amendment_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const amendment = await db
    .insertInto('notes')
    .values({
      ...noteBase,
      status: 'filed',
      type: 'contact',
      occurred_at: daysAgo(30),
      recorded_at: daysAgo(29),
      facts: `${M.legalName} rang from ${M.phone}; lives at ${M.address}.`,
      advice: 'As before.',
      judgement: '',
      amends_note_id: filed.id,
      amendment_reason: `Address of ${M.legalName} was missing.`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const restricted = await db
    .insertInto('notes')
    .values({
      ...noteBase,
      status: 'filed',
      type: 'safeguarding',
      contact_channel: 'face-to-face',
      occurred_at: daysAgo(25),
      recorded_at: daysAgo(25),
      facts: `${M.legalName} disclosed abuse by a relative; ${M.familyMember} is a safe contact on ${M.safePhone}.`,
      judgement: `Risk high; ${M.thirdParty} informed.`,
      sensitivity: 'restricted',
      amends_note_id: null,
      amendment_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const draft = await db
    .insertInto('notes')
    .values({
      ...noteBase,
      status: 'draft',
      type: 'advice',
      occurred_at: daysAgo(1),
      recorded_at: null,
      facts: `Draft: ${M.legalName}'s hearing bundle, DOB ${M.dateOfBirth}.`,
      advice: `Email it to ${M.email}.`,
      amends_note_id: null,
      amendment_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const n of [filed, amendment, restricted]) {
    await auditAbout(owner.id, 'note.filed', 'note', n.id, { caseId: openCase.id });
  }
  await auditAbout(owner.id, 'note.amended', 'note', amendment.id, {
    caseId: openCase.id,
    amendsNoteId: filed.id,
  });

  // -- documents (content bytes contain the name and identifiers) ---------------------------------
  const content = Buffer.from(
    `Dear ${M.legalName},\n${M.address}\nNI number ${M.niNumber}, date of birth ${M.dateOfBirthText}.\n` +
      `Telephone ${M.phone}. Email ${M.email}.\nYour GP ${M.thirdParty} has written in support.\n`,
    'utf8',
  );
  const document = await db
    .insertInto('documents')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      note_id: filed.id,
      filename: 'quillfeather-pip-letter.txt',
      content_type: 'text/plain',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploaded_by: owner.id,
      uploaded_at: daysAgo(29),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'document.uploaded', 'document', document.id, {
    caseId: openCase.id,
    noteId: filed.id,
  });

  // -- notifications (the case reference, and the name in a colleague's message) ---------------
  const notifications = await db
    .insertInto('notifications')
    .values([
      {
        org_id: orgId,
        user_id: owner.id,
        kind: 'key-date-reminder',
        case_id: openCase.id,
        message: `Hearing on case ${refOpen} in 5 working days.`,
        created_at: daysAgo(2),
        read_at: null,
      },
      {
        org_id: orgId,
        user_id: supervisor.id,
        kind: 'informed',
        case_id: openCase.id,
        message: `${refOpen}: ${M.legalName} is at risk — please look today.`,
        created_at: daysAgo(2),
        read_at: null,
        sent_by: owner.id,
      },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('alerts_sent')
    .values({
      org_id: orgId,
      kind: 'key-date-reminder',
      subject_key: `${keyDate.id}:5`,
      case_id: openCase.id,
      sent_at: daysAgo(2),
    })
    .execute();

  // -- case_specialists, case_complexity_factors ------------------------------------------------
  const specialist = await db
    .insertInto('case_specialists')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      user_id: supervisor.id,
      role: 'Tribunal representative',
      hours: 3,
      added_by: owner.id,
      added_at: daysAgo(15),
      removed_by: null,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'case.specialist_added', 'case', openCase.id, {
    specialistId: specialist.id,
    userId: supervisor.id,
  });
  const factor = await db
    .selectFrom('complexity_factors')
    .select('id')
    .where('org_id', '=', orgId)
    .where('key', '=', 'multiple-issues')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_complexity_factors')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      factor_id: factor.id,
      added_by: owner.id,
      added_at: daysAgo(15),
    })
    .execute();

  // -- file review, its answers and a corrective action (completed) ------------------------------
  const item = await db
    .selectFrom('file_review_items')
    .select(['id', 'label'])
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .limit(1)
    .executeTakeFirstOrThrow();
  const fileReview = await db
    .insertInto('file_reviews')
    .values({
      org_id: orgId,
      case_id: closedCase.id,
      practitioner_id: owner.id,
      period: `${year}-Q4`,
      selection: 'manual',
      selection_reason: `Complaint by ${M.legalName}.`,
      status: 'completed',
      reviewer_id: supervisor.id,
      selected_by: supervisor.id,
      selected_at: daysAgo(8),
      completed_at: daysAgo(7),
      summary: `Good outcome for ${M.legalName}; consent for ${M.familyMember} not recorded.`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('file_review_answers')
    .values({
      org_id: orgId,
      file_review_id: fileReview.id,
      item_id: item.id,
      item_label: item.label,
      result: 'not-met',
      comment: `No note of ${M.legalName}'s consent to speak to ${M.familyMember}.`,
    })
    .execute();
  const corrective = await db
    .insertInto('corrective_actions')
    .values({
      org_id: orgId,
      file_review_id: fileReview.id,
      item_id: item.id,
      description: `Record ${M.legalName}'s consent for ${M.familyMember}.`,
      assigned_to: owner.id,
      due_on: isoDay(daysAgo(-10)),
      done_at: null,
      done_note: null,
      verified_by: null,
      verified_at: null,
      verification_note: null,
      created_by: supervisor.id,
      created_at: daysAgo(7),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(supervisor.id, 'file_review.completed', 'file_review', fileReview.id, {
    caseId: closedCase.id,
  });

  // -- handover, referral, sharing record, financial outcome ------------------------------------
  const handover = await db
    .insertInto('case_handovers')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      from_user_id: supervisor.id,
      to_user_id: owner.id,
      note: `${M.legalName} prefers calls to ${M.phone} before 10am; ${M.familyMember} may answer.`,
      handed_over_by: supervisor.id,
      handed_over_at: daysAgo(45),
      acknowledged_at: daysAgo(44),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(supervisor.id, 'case.handed_over', 'case', openCase.id, { handoverId: handover.id });
  const referral = await db
    .insertInto('referrals')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      direction: 'out',
      organisation: 'Exeter Food Bank',
      service: 'Emergency parcels',
      reason: `${M.legalName} has no income while PIP is refused.`,
      information_shared: `Name, DOB ${M.dateOfBirthText}, address ${M.address}, phone ${M.phone}.`,
      consent_id: consentReferral.id,
      lawful_basis: null,
      sharing_rationale: null,
      status: 'made',
      outcome: null,
      referred_on: isoDay(daysAgo(30)),
      created_by: owner.id,
      created_at: daysAgo(30),
      updated_at: daysAgo(30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'referral.recorded', 'referral', referral.id, { caseId: openCase.id });
  const sharing = await db
    .insertInto('sharing_records')
    .values({
      org_id: orgId,
      case_id: openCase.id,
      decision: 'shared',
      recipient: 'Exeter Food Bank',
      information: `${M.legalName}, ${M.address}, ${M.phone}, ${M.email}, NI ${M.niNumber}.`,
      purpose: 'Emergency food parcel',
      lawful_basis: 'consent',
      consent_id: consentReferral.id,
      rationale: `${M.preferredName} agreed; ${M.familyMember} to collect.`,
      decided_on: isoDay(daysAgo(30)),
      referral_id: referral.id,
      recorded_by: owner.id,
      recorded_at: daysAgo(30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'sharing.recorded', 'sharing_record', sharing.id, { caseId: openCase.id });
  const financial = await db
    .insertInto('financial_outcomes')
    .values({
      org_id: orgId,
      case_id: closedCase.id,
      kind: 'debt-written-off',
      amount_pence: 123_456,
      frequency: 'one-off',
      description: `Council tax arrears of ${M.legalName} written off.`,
      recorded_by: owner.id,
      recorded_at: closedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // -- data-protection records (migrations 0600–0630) --------------------------------------------
  // A renewal of the recording consent (consents.renews_consent_id), as src/services/clients/renew-consent.ts.
  const consentRenewal = await db
    .insertInto('consents')
    .values({
      org_id: orgId,
      client_id: client.id,
      purpose: 'recording',
      lawful_basis: 'consent',
      given_at: isoDay(daysAgo(5)),
      expires_at: isoDay(daysAgo(5 - 365)),
      withdrawn_at: null,
      notes: `${M.legalName} renewed consent by email from ${M.email}.`,
      recorded_by: owner.id,
      renews_consent_id: consentRecording.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'consent.renewed', 'client', client.id, {
    consentId: consentRenewal.id,
    renewsConsentId: consentRecording.id,
    purpose: 'recording',
  });
  // Equality monitoring answers (their own table, keyed by client).
  await db
    .insertInto('equality_monitoring')
    .values({
      org_id: orgId,
      client_id: client.id,
      age_band: '65-74',
      sex: 'male',
      gender_same_as_birth: 'yes',
      sexual_orientation: 'prefer-not-to-say',
      ethnicity: 'white-british',
      religion: 'none',
      disability: 'yes-a-lot',
      pregnancy_maternity: 'no',
      marital_status: 'prefer-not-to-say',
      recorded_by: owner.id,
      recorded_at: daysAgo(60),
      updated_at: daysAgo(60),
    })
    .execute();
  await auditAbout(owner.id, 'equality_monitoring.recorded', 'client', client.id);
  // A subject access request made by a representative, completed, with free text about the client.
  const sar = await db
    .insertInto('subject_access_requests')
    .values({
      org_id: orgId,
      client_id: client.id,
      received_on: isoDay(daysAgo(40)),
      requester_kind: 'representative',
      requester_name: M.familyMember,
      requester_authority: `Lasting power of attorney for ${M.legalName}, seen on ${isoDay(daysAgo(40))}.`,
      identity_verified: true,
      identity_evidence: `Passport of ${M.legalName}; DOB ${M.dateOfBirthText}.`,
      notes: `Send to ${M.address}; call ${M.phone} first.`,
      due_on: isoDay(daysAgo(10)),
      status: 'completed',
      closed_on: isoDay(daysAgo(12)),
      closure_reason: `Sent to ${M.email}.`,
      restricted_decision: false,
      restricted_decision_reason: `The safeguarding note names ${M.familyMember}; withheld.`,
      restricted_decided_by: supervisor.id,
      restricted_decided_at: daysAgo(13),
      last_exported_at: daysAgo(12),
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'subject_access.registered', 'subject_access_request', sar.id, {
    clientId: client.id,
  });
  // A rectification request, rectified by a client-field change and an amendment note.
  const rectification = await db
    .insertInto('rectification_requests')
    .values({
      org_id: orgId,
      client_id: client.id,
      received_on: isoDay(daysAgo(31)),
      what: `The address of ${M.legalName} is missing from the note of the call from ${M.phone}.`,
      requested_change: `Add ${M.address}.`,
      due_on: isoDay(daysAgo(1)),
      status: 'rectified',
      outcome_reason: `Amendment note filed with ${M.postcode}.`,
      resolved_by: owner.id,
      resolved_at: daysAgo(29),
      created_by: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rectifiedChange = await db
    .insertInto('field_changes')
    .values({
      org_id: orgId,
      entity_type: 'client',
      entity_id: client.id,
      field: 'address',
      old_value: JSON.stringify('12 Larkspur Road, Exeter'),
      new_value: JSON.stringify(M.address),
      reason: `Rectification asked for by ${M.legalName}.`,
      changed_by: owner.id,
      changed_at: daysAgo(29),
      rectification_request_id: rectification.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('rectification_note_links')
    .values({
      org_id: orgId,
      rectification_request_id: rectification.id,
      note_id: amendment.id,
      linked_by: owner.id,
      linked_at: daysAgo(29),
    })
    .execute();
  await auditAbout(owner.id, 'rectification.registered', 'rectification_request', rectification.id, {
    clientId: client.id,
  });
  await auditAbout(owner.id, 'rectification.note_linked', 'rectification_request', rectification.id, {
    clientId: client.id,
    noteId: amendment.id,
  });
  await auditAbout(owner.id, 'rectification.rectified', 'rectification_request', rectification.id, {
    clientId: client.id,
    fields: ['address'],
    linkedFieldChanges: 1,
  });
  // An earlier right-to-erasure request, refused (a decided request blocks nothing; erasure redacts
  // its free text and keeps it as a record with client_id NULL).
  const erasureRequest = await db
    .insertInto('erasure_requests')
    .values({
      org_id: orgId,
      client_id: client.id,
      received_on: isoDay(daysAgo(35)),
      reason: `${M.legalName} asked by phone (${M.phone}) for the records to be deleted.`,
      status: 'refused',
      recorded_by: owner.id,
      recorded_at: daysAgo(35),
      decided_by: supervisor.id,
      decided_at: daysAgo(34),
      decision_reason: `The tribunal appeal of ${M.preferredName} is still running.`,
      case_count: 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditAbout(owner.id, 'erasure_request.recorded', 'erasure_request', erasureRequest.id, {
    clientId: client.id,
  });
  await auditAbout(supervisor.id, 'erasure_request.refused', 'erasure_request', erasureRequest.id, {
    clientId: client.id,
  });

  // Complete the caseload review now that its cases and actions are recorded (then frozen).
  await db
    .updateTable('caseload_reviews')
    .set({ status: 'completed', completed_at: daysAgo(9), next_review_on: isoDay(daysAgo(-19)) })
    .where('org_id', '=', orgId)
    .where('id', '=', review.id)
    .execute();
  await auditAbout(supervisor.id, 'review.completed', 'caseload_review', review.id, {
    practitionerId: owner.id,
  });

  // -- assessments: through the real re-assessment service ---------------------------------------
  const actor: Actor = { id: owner.id, orgId, roles: ['adviser'], teamIds: [team.id], supervisedTeamIds: [] };
  const ctx: ServiceContext = { db, clock: { now: () => new Date() }, actor };
  await db
    .transaction()
    .execute((tx) =>
      reassessCases(ctx, tx, { orgId, caseIds: [openCase.id, closedCase.id], trigger: 'case-changed' }),
    );
  const assessments = await db
    .selectFrom('assessments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('case_id', 'in', [openCase.id, closedCase.id])
    .execute();
  // The service audits re-assessments too: collect every event about the client and its cases.
  const caseIds = [openCase.id, closedCase.id];
  const more = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('org_id', '=', orgId)
    .where('entity_id', 'in', caseIds)
    .where('seq', 'not in', auditSeqs.length > 0 ? auditSeqs : [0])
    .execute();
  auditSeqs.push(...more.map((r) => Number(r.seq)));

  return {
    orgId,
    teamId: team.id,
    ownerId: owner.id,
    supervisorId: supervisor.id,
    clientId: client.id,
    caseIds: [openCase.id, closedCase.id],
    openCaseId: openCase.id,
    closedCaseId: closedCase.id,
    references: { open: refOpen, closed: refClosed },
    markers: CLIENT_MARKERS,
    ids: {
      clients: [client.id],
      consents: { recording: consentRecording.id, referral: consentReferral.id, renewal: consentRenewal.id },
      cases: [openCase.id, closedCase.id],
      fieldChanges: {
        client: [...clientChanges.map((r) => Number(r.id)), Number(rectifiedChange.id)],
        case: [Number(caseChanges.id)],
      },
      caseFlags: [flag.id],
      caseShares: [share.id],
      goals: [goal.id],
      goalProgress: [progress.id],
      actions: [action.id, reviewAction.id],
      obstacles: [obstacle.id],
      keyDates: [keyDate.id],
      notes: { filed: filed.id, amendment: amendment.id, restricted: restricted.id, draft: draft.id },
      documents: [document.id],
      notifications: notifications.map((n) => n.id),
      assessments: assessments.map((a) => a.id),
      caseSpecialists: [specialist.id],
      caseComplexityFactors: [factor.id],
      caseloadReviews: [review.id],
      reviewCases: [reviewCase.id],
      fileReviews: [fileReview.id],
      fileReviewAnswers: [item.id],
      correctiveActions: [corrective.id],
      caseHandovers: [handover.id],
      referrals: [referral.id],
      sharingRecords: [sharing.id],
      financialOutcomes: [financial.id],
      alertsSent: [`${keyDate.id}:5`],
      equalityMonitoring: [client.id],
      subjectAccessRequests: [sar.id],
      rectificationRequests: [rectification.id],
      rectificationNoteLinks: [amendment.id],
      erasureRequests: [erasureRequest.id],
      auditEvents: auditSeqs.sort((a, b) => a - b),
    },
  };
}
