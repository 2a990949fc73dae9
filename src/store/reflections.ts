/** The reflective log: a practitioner's own entries (Gibbs' cycle). Scoped by org_id and author. */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { ReflectionsTable } from './schema.ts';

export type ReflectionRow = Selectable<ReflectionsTable>;
export type NewReflection = Insertable<ReflectionsTable>;
export type ReflectionPatch = Partial<
  Pick<
    ReflectionRow,
    | 'title'
    | 'occurred_on'
    | 'description'
    | 'feelings'
    | 'evaluation'
    | 'analysis'
    | 'conclusion'
    | 'action_plan'
  >
>;

export async function insertReflection(db: DbOrTx, values: NewReflection): Promise<ReflectionRow> {
  return db.insertInto('reflections').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One entry of its author; undefined for anyone else's (or none). */
export async function getOwnReflection(
  db: DbOrTx,
  orgId: string,
  authorId: string,
  reflectionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReflectionRow | undefined> {
  let q = db
    .selectFrom('reflections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('author_id', '=', authorId)
    .where('id', '=', reflectionId);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The author's entries, the latest occurrence first. */
export async function listOwnReflections(
  db: DbOrTx,
  orgId: string,
  authorId: string,
): Promise<ReflectionRow[]> {
  return db
    .selectFrom('reflections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('author_id', '=', authorId)
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function updateReflection(
  db: DbOrTx,
  orgId: string,
  reflectionId: string,
  patch: ReflectionPatch,
  at: Date,
): Promise<ReflectionRow> {
  return db
    .updateTable('reflections')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', reflectionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
