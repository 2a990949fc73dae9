/** Who may manage retention and erasure (src/domain/access/policy.ts has the others). */
import { hasRole } from './actor.ts';
import type { Policy } from './policy.ts';

/** Retention schedules, the monthly retention review and its decisions: admins. */
export const manageRetention: Policy = { name: 'retention.manage', allows: (a) => hasRole(a, 'admin') };

/** Reading the retention schedules and tombstones: admins and auditors (data-protection officers). */
export const viewRetention: Policy = {
  name: 'retention.view',
  allows: (a) => hasRole(a, 'admin') || hasRole(a, 'auditor'),
};

/**
 * Right-to-erasure requests — recording, listing, approving and refusing: admins and auditors
 * (data-protection officers). A request is decided by a different person from the one who recorded
 * it (checked by the service: the approval step).
 */
export const handleErasureRequests: Policy = {
  name: 'erasure-requests.handle',
  allows: (a) => hasRole(a, 'admin') || hasRole(a, 'auditor'),
};
