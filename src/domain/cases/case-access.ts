/**
 * Who may see and change a case, and a note's content. Pure; services load the facts
 * (owner, team, live shares) and call these before touching case data.
 *
 * - view: the owner, a supervisor of the case's team, or a colleague with a live share
 *   (a share or a supervisor's audited break-glass read). Nobody else — not admins, not auditors.
 * - contribute (notes, actions, goals, key dates, obstacles, documents): the owner, a supervisor of
 *   the team, or a colleague with a live share (covering colleague). Not a break-glass reader.
 * - manage (status, owner, team, shares, case fields): the owner or a supervisor of the team.
 * - a restricted note's content: its author, the case owner, or a supervisor of the case's team.
 * - a draft: its author only.
 */
import { type Actor, hasRole } from '../access/actor.ts';

export interface CaseShareView {
  readonly userId: string;
  readonly kind: 'share' | 'break-glass';
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface CaseAccessView {
  readonly orgId: string;
  readonly ownerId: string;
  readonly teamId: string | null;
  readonly shares: readonly CaseShareView[];
}

export const isLiveShare = (s: CaseShareView, now: Date): boolean =>
  s.revokedAt === null && (s.expiresAt === null || s.expiresAt.getTime() > now.getTime());

/** A supervisor (by role) of the case's team. */
export const supervisesCase = (actor: Actor, c: CaseAccessView): boolean =>
  hasRole(actor, 'supervisor') && c.teamId !== null && actor.supervisedTeamIds.includes(c.teamId);

const liveShareOf = (actor: Actor, c: CaseAccessView, now: Date) =>
  c.shares.filter((s) => s.userId === actor.id && isLiveShare(s, now));

export function canViewCase(actor: Actor, c: CaseAccessView, now: Date): boolean {
  if (actor.orgId !== c.orgId) return false;
  return c.ownerId === actor.id || supervisesCase(actor, c) || liveShareOf(actor, c, now).length > 0;
}

export function canContributeToCase(actor: Actor, c: CaseAccessView, now: Date): boolean {
  if (actor.orgId !== c.orgId) return false;
  return (
    c.ownerId === actor.id ||
    supervisesCase(actor, c) ||
    liveShareOf(actor, c, now).some((s) => s.kind === 'share')
  );
}

export function canManageCase(actor: Actor, c: CaseAccessView): boolean {
  return actor.orgId === c.orgId && (c.ownerId === actor.id || supervisesCase(actor, c));
}

/** A supervisor may open a case outside their team in an emergency, with a reason that is audited. */
export function canBreakGlass(actor: Actor, c: CaseAccessView): boolean {
  return (
    actor.orgId === c.orgId &&
    hasRole(actor, 'supervisor') &&
    !supervisesCase(actor, c) &&
    c.ownerId !== actor.id
  );
}

/** Anyone who may hold cases: advisers and supervisors. */
export const canOwnCases = (actor: Actor): boolean =>
  hasRole(actor, 'adviser') || hasRole(actor, 'supervisor');

export interface NoteAccessView {
  readonly authorId: string;
  readonly status: 'draft' | 'filed';
  readonly sensitivity: 'normal' | 'restricted';
}

/** Whether the actor sees the note at all (drafts are their author's alone). */
export function canSeeNote(actor: Actor, c: CaseAccessView, n: NoteAccessView, now: Date): boolean {
  if (n.status === 'draft') return n.authorId === actor.id && actor.orgId === c.orgId;
  return canViewCase(actor, c, now);
}

/** Whether the actor sees the note's content; others see only that a restricted note exists. */
export function canReadNoteContent(actor: Actor, c: CaseAccessView, n: NoteAccessView, now: Date): boolean {
  if (!canSeeNote(actor, c, n, now)) return false;
  if (n.sensitivity === 'normal') return true;
  return n.authorId === actor.id || c.ownerId === actor.id || supervisesCase(actor, c);
}
