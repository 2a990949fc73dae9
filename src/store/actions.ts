/** Actions of cases (agreed next steps). Every query is scoped by org_id. */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { ActionsTable } from './schema.ts';

export type ActionRow = Selectable<ActionsTable>;
export type NewAction = Insertable<ActionsTable>;
export type ActionPatch = Pick<
  Updateable<ActionsTable>,
  | 'description'
  | 'owner_kind'
  | 'owner_user_id'
  | 'owner_name'
  | 'due_date'
  | 'goal_id'
  | 'status'
  | 'completed_at'
  | 'result'
>;

/** An action with the display name of its owning practitioner (null for other owners). */
export interface ActionView extends ActionRow {
  readonly owner_display_name: string | null;
}

function selectViews(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('actions')
    .leftJoin('users', (join) =>
      join.onRef('users.id', '=', 'actions.owner_user_id').onRef('users.org_id', '=', 'actions.org_id'),
    )
    .selectAll('actions')
    .select('users.display_name as owner_display_name')
    .where('actions.org_id', '=', orgId);
}

export async function insertAction(db: DbOrTx, action: NewAction): Promise<ActionRow> {
  return db.insertInto('actions').values(action).returningAll().executeTakeFirstOrThrow();
}

/** One action of the organisation, locked for the rest of the transaction. */
export async function getActionForUpdate(
  db: DbOrTx,
  orgId: string,
  actionId: string,
): Promise<ActionRow | undefined> {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', actionId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes some fields of one action, stamping updated_at with `at`. */
export async function updateAction(
  db: DbOrTx,
  orgId: string,
  actionId: string,
  patch: ActionPatch,
  at: Date,
): Promise<ActionRow | undefined> {
  return db
    .updateTable('actions')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', actionId)
    .returningAll()
    .executeTakeFirst();
}

export async function getActionView(
  db: DbOrTx,
  orgId: string,
  actionId: string,
): Promise<ActionView | undefined> {
  return selectViews(db, orgId).where('actions.id', '=', actionId).executeTakeFirst();
}

/** The actions of a case: open ones first by due date (undated last), then the closed ones. */
export async function listActionViews(db: DbOrTx, orgId: string, caseId: string): Promise<ActionView[]> {
  return selectViews(db, orgId)
    .where('actions.case_id', '=', caseId)
    .orderBy(sql`actions.status = 'open'`, 'desc')
    .orderBy('actions.due_date', (ob) => ob.asc().nullsLast())
    .orderBy('actions.created_at')
    .orderBy('actions.id')
    .execute();
}
