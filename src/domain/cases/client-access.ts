/**
 * Who may see and change a client. Pure; services load the facts (who created the client, and
 * the access facts of each of the client's cases) and call these before touching client data.
 *
 * - view: the person who recorded the client, or anyone who may view at least one of the client's
 *   cases (owner, a supervisor of its team, a colleague with a live share or break-glass read).
 * - change (details, consent records): the person who recorded the client, or anyone who may
 *   contribute to at least one of the client's cases (not a break-glass reader).
 * - create: anyone who may hold cases (advisers and supervisors).
 * Everybody else, including other organisations, is told the client does not exist.
 */
import type { Actor } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';
import { type CaseAccessView, canContributeToCase, canOwnCases, canViewCase } from './case-access.ts';

export interface ClientAccessView {
  readonly orgId: string;
  readonly createdBy: string;
  /** The access facts of every case of the client. */
  readonly cases: readonly CaseAccessView[];
}

const recorded = (actor: Actor, c: ClientAccessView) => c.orgId === actor.orgId && c.createdBy === actor.id;

export function canViewClient(actor: Actor, c: ClientAccessView, now: Date): boolean {
  if (actor.orgId !== c.orgId) return false;
  return recorded(actor, c) || c.cases.some((k) => canViewCase(actor, k, now));
}

export function canChangeClient(actor: Actor, c: ClientAccessView, now: Date): boolean {
  if (actor.orgId !== c.orgId) return false;
  return recorded(actor, c) || c.cases.some((k) => canContributeToCase(actor, k, now));
}

/** The route-level policy of creating a client: advisers and supervisors. */
export const createClients: Policy = { name: 'clients.create', allows: canOwnCases };
