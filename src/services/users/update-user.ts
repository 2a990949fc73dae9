import type { Actor, Role } from '../../domain/access/actor.ts';
import { requiresMfa } from '../../domain/access/actor.ts';
import { adminChangeRefusal } from '../../domain/access/policy.ts';
import { canonicalRoles } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import type { Tx } from '../../store/db.ts';
import type { UserRow } from '../../store/schema.ts';
import { deleteUserSessions } from '../../store/sessions.ts';
import { setTeamMember } from '../../store/teams.ts';
import {
  getUserForUpdate,
  listMemberships,
  lockActiveAdmins,
  updateUser as updateUserRow,
} from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadChangeableUser, loadUserView, type UserView } from './user-view.ts';

export interface UpdateUserInput {
  readonly displayName?: string | undefined;
  readonly roles?: readonly Role[] | undefined;
  readonly status?: 'active' | 'disabled' | undefined;
  readonly weeklyCapacityHours?: number | undefined;
  /** Weighted points a full-time person can hold (the capacity view). */
  readonly capacityPoints?: number | undefined;
  /** Full-time equivalent, 0.05–1. */
  readonly fte?: number | undefined;
}

type Field = 'displayName' | 'roles' | 'status' | 'weeklyCapacityHours' | 'capacityPoints' | 'fte';

const REFUSALS = {
  SELF_LOCKOUT:
    'You cannot disable your own account or remove your own admin role; ask another administrator.',
  LAST_ADMIN:
    'This is the organisation’s last active administrator: make someone else an admin first, then try again.',
} as const;

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/**
 * An administrator changes a person's name, roles, status, weekly capacity (hours a week for
 * casework, which the caseload forecast works with) or capacity in weighted points (points per FTE
 * and FTE, which the capacity view works with). Disabling ends every session of the
 * person at once; gaining the admin or supervisor role without an authenticator app also ends
 * their sessions, so they set one up at their next sign-in. Losing the supervisor role turns
 * their team supervisions into memberships.
 * @throws AppError USER_NOT_FOUND, FORBIDDEN, SELF_LOCKOUT, LAST_ADMIN
 */
export async function updateUser(
  ctx: ServiceContext,
  userId: string,
  input: UpdateUserInput,
): Promise<UserView> {
  const actor = requireActor(ctx);
  const _existing = await loadChangeableUser(ctx, userId);
  const user = await inTransaction(ctx, (tx) => applyChange(ctx, tx, actor, userId, input));
  return loadUserView(ctx.db, user, ctx.clock.now());
}

async function applyChange(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<UserRow> {
  const touchesAdmins = input.roles !== undefined || input.status !== undefined;
  // Lock the admins before the target, in the same order as every other admin change.
  const activeAdmins = touchesAdmins ? await lockActiveAdmins(tx, actor.orgId) : [];
  const target = await getUserForUpdate(tx, actor.orgId, userId);
  if (!target) throw new AppError('USER_NOT_FOUND');
  const before = { roles: target.roles as Role[], status: target.status };
  const next = {
    displayName: input.displayName?.trim() ?? target.display_name,
    roles: input.roles ? canonicalRoles(input.roles) : before.roles,
    status: input.status ?? before.status,
    weeklyCapacityHours: input.weeklyCapacityHours ?? Number(target.weekly_capacity_hours),
    capacityPoints: input.capacityPoints ?? Number(target.capacity_points),
    fte: input.fte ?? Number(target.fte),
  };
  const fields: Field[] = [];
  if (next.displayName !== target.display_name) fields.push('displayName');
  if (!sameRoles(next.roles, before.roles)) fields.push('roles');
  if (next.status !== before.status) fields.push('status');
  if (next.weeklyCapacityHours !== Number(target.weekly_capacity_hours)) fields.push('weeklyCapacityHours');
  if (next.capacityPoints !== Number(target.capacity_points)) fields.push('capacityPoints');
  if (next.fte !== Number(target.fte)) fields.push('fte');
  if (fields.length === 0) return target;

  const otherAdmins = activeAdmins.filter((id) => id !== target.id).length;
  const refusal = adminChangeRefusal(
    actor,
    { id: target.id, orgId: target.org_id, ...before },
    next,
    otherAdmins,
  );
  if (refusal) throw new AppError(refusal, REFUSALS[refusal]);

  const updated = await updateUserRow(
    tx,
    actor.orgId,
    userId,
    {
      display_name: next.displayName,
      roles: next.roles,
      status: next.status,
      weekly_capacity_hours: String(next.weeklyCapacityHours),
      capacity_points: String(next.capacityPoints),
      fte: String(next.fte),
    },
    ctx.clock.now(),
  );
  if (!updated) throw new AppError('USER_NOT_FOUND');
  const mustEndSessions =
    (fields.includes('status') && next.status === 'disabled') ||
    (fields.includes('roles') && requiresMfa(next.roles) && !target.totp_enabled_at);
  const sessionsEnded = mustEndSessions ? await deleteUserSessions(tx, actor.orgId, userId) : 0;
  const teamsDemoted =
    fields.includes('roles') && !next.roles.includes('supervisor')
      ? await demoteSupervisions(tx, actor.orgId, userId)
      : [];
  await audit(ctx, tx, {
    action: 'user.updated',
    entityType: 'user',
    entityId: userId,
    details: {
      fields,
      ...(fields.includes('roles') ? { roles: next.roles, previousRoles: before.roles } : {}),
      ...(fields.includes('status') ? { status: next.status, previousStatus: before.status } : {}),
      ...(sessionsEnded > 0 ? { sessionsEnded } : {}),
      ...(teamsDemoted.length > 0 ? { teamsDemoted } : {}),
    },
  });
  return updated;
}

/** Turns the user's team supervisions into plain memberships; returns the team ids. */
async function demoteSupervisions(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  const supervised = (await listMemberships(tx, orgId, [userId])).filter((m) => m.role === 'supervisor');
  for (const m of supervised) await setTeamMember(tx, { orgId, teamId: m.teamId, userId, role: 'member' });
  return supervised.map((m) => m.teamId);
}
