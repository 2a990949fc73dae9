/** Role lists as the application stores and shows them. */
import type { Role } from './actor.ts';

/** Roles in one canonical order, without repeats. */
export function canonicalRoles(roles: readonly Role[]): Role[] {
  const order: readonly Role[] = ['adviser', 'supervisor', 'admin', 'auditor'];
  return order.filter((r) => roles.includes(r));
}
