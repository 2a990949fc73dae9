/** The people whose capacity the capacity view shows: their names, roles, status and capacity. */
import type { DbOrTx } from './db.ts';
import type { Role } from './schema.ts';

export interface PractitionerRow {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
  /** numeric columns, as text */
  readonly capacity_points: string;
  readonly fte: string;
}

/**
 * Users of the organisation by id (whatever their roles: someone who lost the adviser role may
 * still hold cases), or the members (as member or supervisor) of some teams who are advisers or
 * supervisors or still hold open cases, by name. Disabled people are included: they may still hold cases
 * that need reassigning.
 */
export async function listPractitioners(
  db: DbOrTx,
  orgId: string,
  scope: { readonly userIds: readonly string[] } | { readonly teamIds: readonly string[] },
): Promise<PractitionerRow[]> {
  const ids = 'userIds' in scope ? scope.userIds : scope.teamIds;
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name', 'u.roles', 'u.status', 'u.capacity_points', 'u.fte'])
    .where('u.org_id', '=', orgId);
  if ('userIds' in scope) q = q.where('u.id', 'in', [...scope.userIds]);
  else {
    q = q
      .where((eb) =>
        eb.or([
          eb(eb.val('adviser'), '=', eb.fn.any('u.roles')),
          eb(eb.val('supervisor'), '=', eb.fn.any('u.roles')),
          // Someone who lost those roles but still holds cases: their load needs seeing.
          eb.exists(
            eb
              .selectFrom('cases as c')
              .select('c.id')
              .whereRef('c.org_id', '=', 'u.org_id')
              .whereRef('c.owner_id', '=', 'u.id')
              .where('c.status', '<>', 'closed'),
          ),
        ]),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('team_members as m')
            .select('m.user_id')
            .whereRef('m.org_id', '=', 'u.org_id')
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.team_id', 'in', [...scope.teamIds]),
        ),
      );
  }
  const rows = await q.orderBy('u.display_name').orderBy('u.id').execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    roles: r.roles as Role[],
    status: r.status,
    capacity_points: r.capacity_points,
    fte: r.fte,
  }));
}
