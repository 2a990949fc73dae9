/**
 * Everything held about one client, table by table, for a subject access response: the client
 * record and its field history, consents, every case and every record of those cases, the reviews
 * and file reviews that discussed them, and the audit events about any of them. Rows are returned
 * whole (every column) except search vectors, document bytes (read separately) and caseload-review
 * snapshots (figures about the practitioner's whole caseload, other clients included). Also the
 * client's equality-monitoring answers, retention extensions of their cases, and their subject
 * access, rectification and erasure requests. Not included: tombstones (pseudonymous, with no link
 * to the client) and breach records (organisation-level, with no client link).
 * Every query is scoped by org_id.
 */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export type ExportRow = Record<string, unknown>;

export interface ClientExportRows {
  readonly client: ExportRow;
  readonly sections: Record<string, ExportRow[]>;
}

const none = ['00000000-0000-0000-0000-000000000000'];
const ids = (rows: readonly ExportRow[], key = 'id') => {
  const list = rows.map((r) => String(r[key]));
  return list.length > 0 ? list : none;
};

/**
 * Reads every row about the client (undefined when there is no such client in the organisation).
 * Call in one REPEATABLE READ or SERIALIZABLE transaction for a consistent picture.
 */
export async function readClientEverything(
  db: DbOrTx,
  orgId: string,
  clientId: string,
): Promise<ClientExportRows | undefined> {
  const client = await db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client) return undefined;
  const byCase = async <
    T extends
      | 'case_flags'
      | 'case_shares'
      | 'case_specialists'
      | 'goals'
      | 'actions'
      | 'obstacles'
      | 'key_dates'
      | 'assessments'
      | 'review_cases'
      | 'file_reviews'
      | 'case_handovers'
      | 'referrals'
      | 'sharing_records'
      | 'financial_outcomes'
      | 'retention_extensions',
  >(
    table: T,
    caseIds: string[],
  ) =>
    (await db
      .selectFrom(table as 'goals')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('case_id', 'in', caseIds)
      .execute()) as unknown as ExportRow[];

  const consents = await db
    .selectFrom('consents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('recorded_at')
    .execute();
  const cases = await db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'client_id',
      'case_type_id',
      'presenting_issue',
      'desired_outcome',
      'status',
      'hold_reason',
      'outcome',
      'closure_reason',
      'outcome_key',
      'owner_id',
      'team_id',
      'complexity_weight',
      'vulnerability_indicators',
      'vulnerability',
      'impact',
      'allocated_hours',
      'estimated_effort_hours',
      'assessment_id',
      'priority_band',
      'priority_score',
      'assessed_at',
      'opened_at',
      'closed_at',
      'last_attention_at',
      'destruction_due_on',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('opened_at')
    .execute();
  const caseIds = ids(cases as ExportRow[]);
  const clientHistory = await db
    .selectFrom('field_changes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'client')
    .where('entity_id', '=', clientId)
    .orderBy('id')
    .execute();
  const caseHistory = await db
    .selectFrom('field_changes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'case')
    .where('entity_id', 'in', caseIds)
    .orderBy('id')
    .execute();
  const goals = await byCase('goals', caseIds);
  const goalProgress = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('goal_id', 'in', ids(goals))
    .orderBy('recorded_at')
    .execute();
  const actions = await byCase('actions', caseIds);
  const obstacles = await byCase('obstacles', caseIds);
  const notes = await db
    .selectFrom('notes')
    .select([
      'id',
      'case_id',
      'author_id',
      'status',
      'type',
      'contact_channel',
      'occurred_at',
      'recorded_at',
      'facts',
      'advice',
      'actions_agreed',
      'judgement',
      'sensitivity',
      'amends_note_id',
      'amendment_reason',
      'goal_ids',
      'action_ids',
      'created_at',
      'updated_at',
    ])
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .orderBy('occurred_at')
    .orderBy('created_at')
    .execute();
  const documents = await db
    .selectFrom('documents')
    .select([
      'id',
      'case_id',
      'note_id',
      'filename',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .orderBy('uploaded_at')
    .execute();
  const notifications = await db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'case_id', 'message', 'created_at', 'read_at', 'sent_by'])
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();
  const alertsSent = await db
    .selectFrom('alerts_sent')
    .select(['kind', 'subject_key', 'case_id', 'sent_at'])
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .orderBy('sent_at')
    .execute();
  const complexity = await db
    .selectFrom('case_complexity_factors as x')
    .innerJoin('complexity_factors as f', (j) =>
      j.onRef('f.org_id', '=', 'x.org_id').onRef('f.id', '=', 'x.factor_id'),
    )
    .select(['x.case_id', 'x.factor_id', 'f.label', 'x.added_by', 'x.added_at'])
    .where('x.org_id', '=', orgId)
    .where('x.case_id', 'in', caseIds)
    .execute();
  const reviewCases = await byCase('review_cases', caseIds);
  const reviewIds = [
    ...new Set(
      [...reviewCases, ...actions, ...obstacles]
        .map((r) => r.review_id)
        .filter((v): v is string => typeof v === 'string'),
    ),
  ];
  const caseloadReviews = await db
    .selectFrom('caseload_reviews')
    .select([
      'id',
      'practitioner_id',
      'supervisor_id',
      'status',
      'started_at',
      'completed_at',
      'summary',
      'next_review_on',
    ])
    .where('org_id', '=', orgId)
    .where('id', 'in', reviewIds.length > 0 ? reviewIds : none)
    .orderBy('started_at')
    .execute();
  const fileReviews = await byCase('file_reviews', caseIds);
  const fileReviewAnswers = await db
    .selectFrom('file_review_answers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('file_review_id', 'in', ids(fileReviews))
    .execute();
  const correctiveActions = await db
    .selectFrom('corrective_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('file_review_id', 'in', ids(fileReviews))
    .orderBy('created_at')
    .execute();
  const sars = await db
    .selectFrom('subject_access_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute();
  const rectifications = await db
    .selectFrom('rectification_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute();
  const rectificationNoteLinks = await db
    .selectFrom('rectification_note_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('rectification_request_id', 'in', ids(rectifications as ExportRow[]))
    .orderBy('linked_at')
    .execute();
  const erasureRequests = await db
    .selectFrom('erasure_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('recorded_at')
    .execute();
  // The client's own answers: kept apart from case reads, but theirs, so they belong here.
  const equalityMonitoring = await db
    .selectFrom('equality_monitoring')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .execute();

  const sections: Record<string, ExportRow[]> = {
    consents,
    clientFieldHistory: clientHistory,
    cases,
    caseFieldHistory: caseHistory,
    caseFlags: await byCase('case_flags', caseIds),
    caseShares: await byCase('case_shares', caseIds),
    caseSpecialists: await byCase('case_specialists', caseIds),
    caseComplexityFactors: complexity,
    goals,
    goalProgress,
    actions,
    obstacles,
    keyDates: await byCase('key_dates', caseIds),
    notes,
    documents,
    notifications,
    alertsSent,
    assessments: await byCase('assessments', caseIds),
    caseloadReviews,
    reviewCases,
    fileReviews,
    fileReviewAnswers,
    correctiveActions,
    caseHandovers: await byCase('case_handovers', caseIds),
    referrals: await byCase('referrals', caseIds),
    sharingRecords: await byCase('sharing_records', caseIds),
    financialOutcomes: await byCase('financial_outcomes', caseIds),
    retentionExtensions: await byCase('retention_extensions', caseIds),
    equalityMonitoring,
    subjectAccessRequests: sars,
    rectificationRequests: rectifications,
    rectificationNoteLinks,
    erasureRequests,
  } as Record<string, ExportRow[]>;

  const about = new Set<string>([clientId]);
  for (const [name, rows] of Object.entries(sections)) {
    if (name === 'clientFieldHistory' || name === 'caseFieldHistory') continue;
    for (const r of rows) if (typeof r.id === 'string') about.add(r.id);
  }
  const realCaseIds = caseIds.filter((c) => c !== none[0]);
  sections.auditEvents = (await db
    .selectFrom('audit_events')
    .select(['seq', 'occurred_at', 'actor_id', 'action', 'entity_type', 'entity_id', 'request_id', 'details'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('entity_id', 'in', [...about]),
        ...(realCaseIds.length > 0 ? [eb(sql<string>`details->>'caseId'`, 'in', realCaseIds)] : []),
        eb(sql<string>`details->>'clientId'`, '=', clientId),
      ]),
    )
    .orderBy('seq')
    .execute()) as ExportRow[];

  return { client: client as ExportRow, sections };
}

/** The bytes of the given documents of the organisation. */
export async function readDocumentContents(
  db: DbOrTx,
  orgId: string,
  documentIds: readonly string[],
): Promise<Map<string, Buffer>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'content'])
    .where('org_id', '=', orgId)
    .where('id', 'in', documentIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.content]));
}
