/** Obstacles of cases. Every query is scoped by org_id. */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { ObstaclesTable } from './schema.ts';

export type ObstacleRow = Selectable<ObstaclesTable>;
export type NewObstacle = Insertable<ObstaclesTable>;
export type ObstaclePatch = Pick<
  Updateable<ObstaclesTable>,
  'category' | 'description' | 'since' | 'plan' | 'resolved_at' | 'resolution'
>;

export async function insertObstacle(db: DbOrTx, obstacle: NewObstacle): Promise<ObstacleRow> {
  return db.insertInto('obstacles').values(obstacle).returningAll().executeTakeFirstOrThrow();
}

/** One obstacle of the organisation, locked for the rest of the transaction. */
export async function getObstacleForUpdate(
  db: DbOrTx,
  orgId: string,
  obstacleId: string,
): Promise<ObstacleRow | undefined> {
  return db
    .selectFrom('obstacles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', obstacleId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes some fields of one obstacle, stamping updated_at with `at`. */
export async function updateObstacle(
  db: DbOrTx,
  orgId: string,
  obstacleId: string,
  patch: ObstaclePatch,
  at: Date,
): Promise<ObstacleRow | undefined> {
  return db
    .updateTable('obstacles')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', obstacleId)
    .returningAll()
    .executeTakeFirst();
}

/** The obstacles of a case: unresolved first, then by since. */
export async function listObstacles(db: DbOrTx, orgId: string, caseId: string): Promise<ObstacleRow[]> {
  return db
    .selectFrom('obstacles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy(sql`resolved_at IS NULL`, 'desc')
    .orderBy('since')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
