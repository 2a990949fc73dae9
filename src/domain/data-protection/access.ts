/**
 * Who handles data-protection requests (subject access, rectification): the data-protection
 * officer role — auditors — and admins. Supervisors and advisers do not: a subject access export
 * reaches every case of the client, including cases their team may not see, and the decision to
 * release (and about restricted notes and third-party names) belongs to the organisation's DPO.
 * Practitioners still correct records the usual way (client update, note amendment); the DPO
 * links those changes to the request.
 */
import { hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

export const handleDataProtectionRequests: Policy = {
  name: 'data-protection.requests',
  allows: (a) => hasRole(a, 'auditor') || hasRole(a, 'admin'),
};
