/** Retention schedules, destruction dates, extensions, erasure requests and tombstones. Scoped by org_id. */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { ErasureRequestStatus } from './schema.ts';

export interface ScheduleRow {
  readonly caseTypeId: string;
  readonly caseTypeKey: string;
  readonly caseTypeName: string;
  readonly active: boolean;
  /** NULL: the default applies. */
  readonly retentionYears: number | null;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

/** Every case type of the organisation with its schedule (if any). */
export async function listSchedules(db: DbOrTx, orgId: string): Promise<ScheduleRow[]> {
  const rows = await db
    .selectFrom('case_types as t')
    .leftJoin('retention_schedules as s', (j) =>
      j.onRef('s.org_id', '=', 't.org_id').onRef('s.case_type_id', '=', 't.id'),
    )
    .select(['t.id', 't.key', 't.name', 't.active', 's.retention_years', 's.updated_by', 's.updated_at'])
    .where('t.org_id', '=', orgId)
    .orderBy('t.sort_order')
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    caseTypeId: r.id,
    caseTypeKey: r.key,
    caseTypeName: r.name,
    active: r.active,
    retentionYears: r.retention_years,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** The years of a case type's schedule, or undefined for the default. */
export async function scheduleYears(
  db: DbOrTx,
  orgId: string,
  caseTypeId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('retention_schedules')
    .select('retention_years')
    .where('org_id', '=', orgId)
    .where('case_type_id', '=', caseTypeId)
    .executeTakeFirst();
  return row?.retention_years;
}

export async function upsertSchedule(
  db: DbOrTx,
  v: { orgId: string; caseTypeId: string; years: number; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('retention_schedules')
    .values({
      org_id: v.orgId,
      case_type_id: v.caseTypeId,
      retention_years: v.years,
      updated_by: v.by,
      updated_at: v.at,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'case_type_id']).doUpdateSet({
        retention_years: v.years,
        updated_by: v.by,
        updated_at: v.at,
      }),
    )
    .execute();
}

/**
 * After a schedule changes: the destruction dates of the type's closed cases not extended since
 * they last closed become closing day + years. Returns the ids of the cases whose date moved.
 */
export async function recomputeDestructionDates(
  db: DbOrTx,
  v: { orgId: string; caseTypeId: string; years: number; timeZone: string },
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    UPDATE cases c
       SET destruction_due_on = ((c.closed_at AT TIME ZONE ${v.timeZone})::date
                                 + make_interval(years => ${v.years}))::date
     WHERE c.org_id = ${v.orgId} AND c.case_type_id = ${v.caseTypeId} AND c.status = 'closed'
       AND NOT EXISTS (SELECT 1 FROM retention_extensions e
                        WHERE e.org_id = c.org_id AND e.case_id = c.id AND e.extended_at >= c.closed_at)
       AND c.destruction_due_on IS DISTINCT FROM
           ((c.closed_at AT TIME ZONE ${v.timeZone})::date + make_interval(years => ${v.years}))::date
    RETURNING c.id`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function setDestructionDate(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  on: string | null,
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ destruction_due_on: on })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .execute();
}

export interface DueCaseRow {
  readonly id: string;
  readonly reference: string;
  readonly caseTypeName: string;
  readonly closedOn: string | null;
  readonly outcomeKey: string | null;
  readonly destructionDueOn: string;
  readonly extensions: number;
}

/** Closed cases whose destruction date is on or before `until`, earliest first. */
export async function listDueCases(db: DbOrTx, orgId: string, until: string): Promise<DueCaseRow[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.org_id', '=', 'c.org_id').onRef('t.id', '=', 'c.case_type_id'),
    )
    .innerJoin('organisations as o', 'o.id', 'c.org_id')
    .select((eb) => [
      'c.id',
      'c.reference',
      't.name as type_name',
      // The closing day in the organisation's time zone.
      sql<string | null>`(c.closed_at AT TIME ZONE o.time_zone)::date`.as('closed_on'),
      'c.outcome_key',
      'c.destruction_due_on',
      eb
        .selectFrom('retention_extensions as e')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('e.org_id', '=', 'c.org_id')
        .whereRef('e.case_id', '=', 'c.id')
        .as('extensions'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.status', '=', 'closed')
    .where('c.destruction_due_on', '<=', until)
    .orderBy('c.destruction_due_on')
    .orderBy('c.reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    caseTypeName: r.type_name,
    closedOn: r.closed_on,
    outcomeKey: r.outcome_key,
    destructionDueOn: r.destruction_due_on ?? until,
    extensions: Number(r.extensions ?? 0),
  }));
}

export async function insertExtension(
  db: DbOrTx,
  v: {
    orgId: string;
    caseId: string;
    previousOn: string;
    until: string;
    reason: string;
    by: string;
    at: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('retention_extensions')
    .values({
      org_id: v.orgId,
      case_id: v.caseId,
      previous_on: v.previousOn,
      until: v.until,
      reason: v.reason,
      extended_by: v.by,
      extended_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CurrentExtensionRow {
  readonly previousOn: string;
  readonly until: string;
  readonly reason: string;
  readonly extendedBy: string;
  readonly extendedByName: string;
  readonly extendedAt: Date;
}

/**
 * The extension that set a closed case's present destruction date: the latest one made since the
 * case last closed whose new date is the date now held (an extension before a reopening no longer
 * counts). Undefined when the date is the schedule's.
 */
export async function currentExtension(
  db: DbOrTx,
  c: { orgId: string; caseId: string; destructionDueOn: string; closedAt: Date },
): Promise<CurrentExtensionRow | undefined> {
  const row = await db
    .selectFrom('retention_extensions as e')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.extended_by'))
    .select(['e.previous_on', 'e.until', 'e.reason', 'e.extended_by', 'u.display_name', 'e.extended_at'])
    .where('e.org_id', '=', c.orgId)
    .where('e.case_id', '=', c.caseId)
    .where('e.until', '=', c.destructionDueOn)
    .where('e.extended_at', '>=', c.closedAt)
    .orderBy('e.extended_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        previousOn: row.previous_on,
        until: row.until,
        reason: row.reason,
        extendedBy: row.extended_by,
        extendedByName: row.display_name,
        extendedAt: row.extended_at,
      }
    : undefined;
}

export interface ErasureRequestRow {
  readonly id: string;
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly receivedOn: string;
  readonly reason: string;
  readonly status: ErasureRequestStatus;
  readonly recordedBy: string;
  readonly recordedAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly decisionReason: string | null;
  readonly caseCount: number | null;
}

function erasureRequestQuery(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('erasure_requests as r')
    .leftJoin('clients as c', (j) => j.onRef('c.org_id', '=', 'r.org_id').onRef('c.id', '=', 'r.client_id'))
    .select([
      'r.id',
      'r.client_id',
      'c.legal_name',
      'r.received_on',
      'r.reason',
      'r.status',
      'r.recorded_by',
      'r.recorded_at',
      'r.decided_by',
      'r.decided_at',
      'r.decision_reason',
      'r.case_count',
    ])
    .where('r.org_id', '=', orgId);
}

type RawRequest = Awaited<ReturnType<ReturnType<typeof erasureRequestQuery>['executeTakeFirstOrThrow']>>;

const toRequest = (r: RawRequest): ErasureRequestRow => ({
  id: r.id,
  clientId: r.client_id,
  clientName: r.legal_name,
  receivedOn: r.received_on,
  reason: r.reason,
  status: r.status,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  caseCount: r.case_count,
});

export async function listErasureRequests(
  db: DbOrTx,
  orgId: string,
  status?: ErasureRequestStatus,
): Promise<ErasureRequestRow[]> {
  let q = erasureRequestQuery(db, orgId);
  if (status) q = q.where('r.status', '=', status);
  const rows = await q.orderBy('r.received_on', 'desc').orderBy('r.recorded_at', 'desc').execute();
  return rows.map(toRequest);
}

export async function getErasureRequest(
  db: DbOrTx,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ErasureRequestRow | undefined> {
  if (opts.forUpdate) {
    await db
      .selectFrom('erasure_requests')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }
  const row = await erasureRequestQuery(db, orgId).where('r.id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

export async function insertErasureRequest(
  db: DbOrTx,
  v: { orgId: string; clientId: string; receivedOn: string; reason: string; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('erasure_requests')
    .values({
      org_id: v.orgId,
      client_id: v.clientId,
      received_on: v.receivedOn,
      reason: v.reason,
      recorded_by: v.by,
      recorded_at: v.at,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      case_count: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function decideErasureRequest(
  db: DbOrTx,
  v: {
    orgId: string;
    id: string;
    status: 'approved' | 'refused';
    by: string;
    at: Date;
    reason: string | null;
    caseCount: number | null;
  },
): Promise<void> {
  await db
    .updateTable('erasure_requests')
    .set({
      status: v.status,
      decided_by: v.by,
      decided_at: v.at,
      decision_reason: v.reason,
      case_count: v.caseCount,
    })
    .where('org_id', '=', v.orgId)
    .where('id', '=', v.id)
    .execute();
}

export async function listTombstones(db: DbOrTx, orgId: string, ids?: readonly string[]) {
  let q = db.selectFrom('tombstones').selectAll().where('org_id', '=', orgId);
  if (ids) q = q.where('id', 'in', ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('erased_at', 'desc').execute();
}
