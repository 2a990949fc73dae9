/** The subject access register and rectification requests. Every query is scoped by org_id. */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { RectificationRequestsTable, SubjectAccessRequestsTable } from './schema.ts';

export type SubjectAccessRow = Selectable<SubjectAccessRequestsTable> & {
  readonly client_name: string;
  readonly created_by_name: string;
  readonly decided_by_name: string | null;
};

export type RectificationRow = Selectable<RectificationRequestsTable> & {
  readonly client_name: string;
  readonly created_by_name: string;
  readonly resolved_by_name: string | null;
};

function sarQuery(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('subject_access_requests as s')
    .innerJoin('clients as c', (j) => j.onRef('c.org_id', '=', 's.org_id').onRef('c.id', '=', 's.client_id'))
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.created_by'))
    .leftJoin('users as d', (j) =>
      j.onRef('d.org_id', '=', 's.org_id').onRef('d.id', '=', 's.restricted_decided_by'),
    )
    .selectAll('s')
    .select([
      'c.legal_name as client_name',
      'u.display_name as created_by_name',
      'd.display_name as decided_by_name',
    ])
    .where('s.org_id', '=', orgId);
}

export async function insertSubjectAccessRequest(
  db: DbOrTx,
  values: Insertable<SubjectAccessRequestsTable>,
): Promise<string> {
  const row = await db
    .insertInto('subject_access_requests')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One request; `forUpdate` locks it for the rest of the transaction. */
export async function getSubjectAccessRequest(
  db: DbOrTx,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SubjectAccessRow | undefined> {
  const q = sarQuery(db, orgId).where('s.id', '=', id);
  return options.forUpdate ? q.forUpdate('s').executeTakeFirst() : q.executeTakeFirst();
}

/** The register: open requests first, then by due date. */
export async function listSubjectAccessRequests(
  db: DbOrTx,
  orgId: string,
  filter: { clientId?: string | undefined; open?: boolean | undefined },
): Promise<SubjectAccessRow[]> {
  let q = sarQuery(db, orgId);
  if (filter.clientId) q = q.where('s.client_id', '=', filter.clientId);
  if (filter.open) q = q.where('s.status', 'not in', ['completed', 'refused']);
  return q
    .orderBy((eb) => eb.case().when('s.status', 'in', ['completed', 'refused']).then(1).else(0).end())
    .orderBy((eb) => eb.fn.coalesce('s.extended_due_on', 's.due_on'))
    .orderBy('s.created_at')
    .limit(500)
    .execute();
}

export async function updateSubjectAccessRequest(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Updateable<SubjectAccessRequestsTable>,
): Promise<void> {
  await db
    .updateTable('subject_access_requests')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

function rectQuery(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('rectification_requests as r')
    .innerJoin('clients as c', (j) => j.onRef('c.org_id', '=', 'r.org_id').onRef('c.id', '=', 'r.client_id'))
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'r.org_id').onRef('u.id', '=', 'r.created_by'))
    .leftJoin('users as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.resolved_by'))
    .selectAll('r')
    .select([
      'c.legal_name as client_name',
      'u.display_name as created_by_name',
      'd.display_name as resolved_by_name',
    ])
    .where('r.org_id', '=', orgId);
}

export async function insertRectificationRequest(
  db: DbOrTx,
  values: Insertable<RectificationRequestsTable>,
): Promise<string> {
  const row = await db
    .insertInto('rectification_requests')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getRectificationRequest(
  db: DbOrTx,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RectificationRow | undefined> {
  const q = rectQuery(db, orgId).where('r.id', '=', id);
  return options.forUpdate ? q.forUpdate('r').executeTakeFirst() : q.executeTakeFirst();
}

export async function listRectificationRequests(
  db: DbOrTx,
  orgId: string,
  filter: { clientId?: string | undefined; open?: boolean | undefined },
): Promise<RectificationRow[]> {
  let q = rectQuery(db, orgId);
  if (filter.clientId) q = q.where('r.client_id', '=', filter.clientId);
  if (filter.open) q = q.where('r.status', '=', 'received');
  return q
    .orderBy((eb) => eb.case().when('r.status', '=', 'received').then(0).else(1).end())
    .orderBy('r.due_on')
    .orderBy('r.created_at')
    .limit(500)
    .execute();
}

export async function resolveRectificationRow(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: { status: 'rectified' | 'refused'; outcome_reason: string; resolved_by: string; resolved_at: Date },
): Promise<void> {
  await db
    .updateTable('rectification_requests')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export interface LinkedFieldChange {
  readonly rectification_request_id: string;
  readonly id: number;
  readonly field: string;
  readonly changed_at: Date;
  readonly changed_by: string;
  readonly changed_by_name: string;
}

/** The field changes and amendment notes linked to the given requests. */
export async function listRectificationLinks(db: DbOrTx, orgId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0)
    return {
      changes: [] as LinkedFieldChange[],
      notes: [] as { rectification_request_id: string; note_id: string }[],
    };
  const changes = await db
    .selectFrom('field_changes as f')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.changed_by'))
    .select([
      'f.rectification_request_id',
      'f.id',
      'f.field',
      'f.changed_at',
      'f.changed_by',
      'u.display_name as changed_by_name',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.rectification_request_id', 'in', requestIds)
    .orderBy('f.id')
    .execute();
  const notes = await db
    .selectFrom('rectification_note_links')
    .select(['rectification_request_id', 'note_id'])
    .where('org_id', '=', orgId)
    .where('rectification_request_id', 'in', requestIds)
    .orderBy('linked_at')
    .execute();
  return { changes: changes as LinkedFieldChange[], notes };
}

/**
 * Links existing field changes of the client to a request (only changes of that client not yet
 * linked to another request); answers the ids linked.
 */
export async function linkFieldChanges(
  db: DbOrTx,
  orgId: string,
  input: { requestId: string; clientId: string; ids: readonly number[] },
): Promise<number[]> {
  if (input.ids.length === 0) return [];
  const rows = await db
    .updateTable('field_changes')
    .set({ rectification_request_id: input.requestId })
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'client')
    .where('entity_id', '=', input.clientId)
    .where('id', 'in', input.ids)
    .where('rectification_request_id', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function linkRectificationNote(
  db: DbOrTx,
  values: {
    org_id: string;
    rectification_request_id: string;
    note_id: string;
    linked_by: string;
    linked_at: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('rectification_note_links')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Clients of the organisation by part of a name or an exact date of birth (at most 20), with case references. */
export async function findClientsForRequest(db: DbOrTx, orgId: string, q: string) {
  const dob = /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : null;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('clients as c')
    .select((eb) => [
      'c.id',
      'c.legal_name',
      'c.preferred_name',
      'c.date_of_birth',
      eb
        .selectFrom('cases as k')
        .select(sql<string[]>`coalesce(array_agg(k.reference ORDER BY k.reference), '{}')`.as('refs'))
        .whereRef('k.org_id', '=', 'c.org_id')
        .whereRef('k.client_id', '=', 'c.id')
        .as('case_references'),
    ])
    .where('c.org_id', '=', orgId)
    .where((eb) =>
      dob
        ? eb('c.date_of_birth', '=', dob)
        : eb.or([eb('c.legal_name', 'ilike', like), eb('c.preferred_name', 'ilike', like)]),
    )
    .orderBy('c.legal_name')
    .limit(20)
    .execute();
}
