/** Key dates of cases. Every query is scoped by org_id. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { KeyDateStatus } from '../domain/key-dates/key-date-rules.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { KeyDatesTable } from './schema.ts';

export type KeyDateRow = Selectable<KeyDatesTable>;
export type NewKeyDate = Insertable<KeyDatesTable>;
export type KeyDatePatch = Pick<
  Updateable<KeyDatesTable>,
  | 'kind'
  | 'due_date'
  | 'due_time'
  | 'description'
  | 'source'
  | 'status'
  | 'status_note'
  | 'reminder_lead_days'
>;

export async function insertKeyDate(db: DbOrTx, keyDate: NewKeyDate): Promise<KeyDateRow> {
  return db.insertInto('key_dates').values(keyDate).returningAll().executeTakeFirstOrThrow();
}

/** One key date of the organisation, locked for the rest of the transaction. */
export async function getKeyDateForUpdate(
  db: DbOrTx,
  orgId: string,
  keyDateId: string,
): Promise<KeyDateRow | undefined> {
  return db
    .selectFrom('key_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', keyDateId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes some fields of one key date, stamping updated_at with `at`. */
export async function updateKeyDate(
  db: DbOrTx,
  orgId: string,
  keyDateId: string,
  patch: KeyDatePatch,
  at: Date,
): Promise<KeyDateRow | undefined> {
  return db
    .updateTable('key_dates')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', keyDateId)
    .returningAll()
    .executeTakeFirst();
}

/** The key dates of a case by date, then time (whole-day dates first). */
export async function listKeyDates(db: DbOrTx, orgId: string, caseId: string): Promise<KeyDateRow[]> {
  return db
    .selectFrom('key_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('due_date')
    .orderBy('due_time', (ob) => ob.asc().nullsFirst())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Whose key dates the register lists (access is decided before: see src/domain/key-dates/register.ts). */
export type KeyDateRegisterScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'team'; readonly teamIds: readonly string[] }
  | { readonly kind: 'user'; readonly userId: string };

export interface KeyDateRegisterQuery {
  readonly actor: Actor;
  readonly scope: KeyDateRegisterScope;
  readonly status: KeyDateStatus | 'all';
  /** Calendar dates, inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly now: Date;
}

/**
 * The key dates of the cases in a register's scope that the actor may view (caseVisibleTo), with
 * each case's reference and owner, by date, then time (whole-day dates first), then reference.
 * `mine`: cases the actor owns; `team`: cases of the given teams; `user`: cases the person owns.
 */
export async function listKeyDateRegister(db: DbOrTx, q: KeyDateRegisterQuery) {
  const { actor, scope } = q;
  if (scope.kind === 'team' && scope.teamIds.length === 0) return [];
  let query = db
    .selectFrom('key_dates as k')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'k.case_id').onRef('c.org_id', '=', 'k.org_id'))
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .select([
      'k.id',
      'k.kind',
      'k.description',
      'k.due_date',
      'k.due_time',
      'k.status',
      'k.source',
      'k.computed_from',
      'c.id as case_id',
      'c.reference as case_reference',
      'c.status as case_status',
      'c.owner_id',
      'o.display_name as owner_name',
    ])
    .where('k.org_id', '=', actor.orgId)
    .where(caseVisibleTo(actor, q.now));
  if (scope.kind === 'mine') query = query.where('c.owner_id', '=', actor.id);
  if (scope.kind === 'user') query = query.where('c.owner_id', '=', scope.userId);
  if (scope.kind === 'team') query = query.where('c.team_id', 'in', [...scope.teamIds]);
  if (q.status !== 'all') query = query.where('k.status', '=', q.status);
  if (q.from) query = query.where('k.due_date', '>=', q.from);
  if (q.to) query = query.where('k.due_date', '<=', q.to);
  return query
    .orderBy('k.due_date')
    .orderBy('k.due_time', (ob) => ob.asc().nullsFirst())
    .orderBy('c.reference')
    .orderBy('k.id')
    .execute();
}
export type KeyDateRegisterRow = Awaited<ReturnType<typeof listKeyDateRegister>>[number];
