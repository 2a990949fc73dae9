/** The people of an organisation one may name in a message: active users with their teams. */
import type { DbOrTx } from './db.ts';

export interface Colleague {
  readonly id: string;
  readonly displayName: string;
  readonly teams: { readonly id: string; readonly name: string }[];
}

/** Active users of the organisation (some of them, when `userIds` is given), by name, with their teams. */
export async function listActiveColleagues(
  db: DbOrTx,
  orgId: string,
  filter: { userIds?: readonly string[] } = {},
): Promise<Colleague[]> {
  if (filter.userIds?.length === 0) return [];
  let users = db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active');
  if (filter.userIds) users = users.where('id', 'in', [...filter.userIds]);
  const rows = await users.orderBy('display_name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', (j) => j.onRef('t.id', '=', 'm.team_id').onRef('t.org_id', '=', 'm.org_id'))
    .select(['m.user_id', 't.id', 't.name'])
    .where('m.org_id', '=', orgId)
    .where(
      'm.user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    teams: memberships.filter((m) => m.user_id === r.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}
