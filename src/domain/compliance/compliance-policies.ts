/** Access policies of the compliance records (pure; routes declare them, services re-check them). */
import { hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

/** The breach log: admins and auditors (data-protection officers). */
export const breachLog: Policy = {
  name: 'breaches.manage',
  allows: (a) => hasRole(a, 'admin') || hasRole(a, 'auditor'),
};

/** The quality-mark evidence pack: admins (the whole organisation) and supervisors (their teams). */
export const evidencePack: Policy = {
  name: 'evidence-pack.export',
  allows: (a) => hasRole(a, 'admin') || (hasRole(a, 'supervisor') && a.supervisedTeamIds.length > 0),
};
