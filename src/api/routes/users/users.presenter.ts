import type { UserListResponse, UserResponse } from '../../../contract/users.ts';
import type { UserView } from '../../../services/users/user-view.ts';
import type { Role } from '../../../store/schema.ts';

/** A user as the API shows them: never the password hash, TOTP secret or failure counters. */
export function presentUser(view: UserView): UserResponse {
  const { user } = view;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    roles: user.roles as Role[],
    status: user.status,
    totpEnabled: user.totp_enabled_at !== null,
    teams: view.teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    lockedOut: view.lockedOut,
    weeklyCapacityHours: Number(user.weekly_capacity_hours),
    capacityPoints: Number(user.capacity_points),
    fte: Number(user.fte),
    createdAt: user.created_at.toISOString(),
  };
}

export const presentUserList = (views: readonly UserView[]): UserListResponse => ({
  users: views.map(presentUser),
});
