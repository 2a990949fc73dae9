/**
 * Who may produce an anonymised export: advisers (their own cases, e.g. for an evidence
 * portfolio), supervisors (their teams' cases, for training and quality audits) and admins. Each
 * case must also be one the requester may view — the service loads every case with loadCase
 * 'view' — so the export never reaches further than the requester already can. Auditors without
 * another role are refused: they see no case content unless granted.
 */
import { hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

export const exportAnonymisedCases: Policy = {
  name: 'cases.anonymised-export',
  allows: (a) => hasRole(a, 'adviser') || hasRole(a, 'supervisor') || hasRole(a, 'admin'),
};
