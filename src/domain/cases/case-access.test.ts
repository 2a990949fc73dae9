import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import {
  type CaseAccessView,
  canBreakGlass,
  canContributeToCase,
  canManageCase,
  canReadNoteContent,
  canSeeNote,
  canViewCase,
} from './case-access.ts';

const now = new Date('2026-11-24T10:00:00Z');
const ORG = 'org-1';
const actor = (
  id: string,
  roles: Actor['roles'],
  teams: { member?: string[]; supervises?: string[] } = {},
): Actor => ({
  id,
  orgId: ORG,
  roles,
  teamIds: [...(teams.member ?? []), ...(teams.supervises ?? [])],
  supervisedTeamIds: teams.supervises ?? [],
});
const kase = (over: Partial<CaseAccessView> = {}): CaseAccessView => ({
  orgId: ORG,
  ownerId: 'owner',
  teamId: 'team-a',
  shares: [],
  ...over,
});

const owner = actor('owner', ['adviser'], { member: ['team-a'] });
const colleague = actor('colleague', ['adviser'], { member: ['team-a'] });
const supervisor = actor('sup', ['supervisor'], { supervises: ['team-a'] });
const otherSupervisor = actor('sup-b', ['supervisor'], { supervises: ['team-b'] });
const admin = actor('admin', ['admin']);
const auditor = actor('auditor', ['auditor']);

describe('case access', () => {
  it('lets the owner and the team’s supervisors see, contribute and manage', () => {
    for (const a of [owner, supervisor]) {
      expect(canViewCase(a, kase(), now)).toBe(true);
      expect(canContributeToCase(a, kase(), now)).toBe(true);
      expect(canManageCase(a, kase())).toBe(true);
    }
  });

  it('keeps team colleagues, other supervisors, admins and auditors out', () => {
    for (const a of [colleague, otherSupervisor, admin, auditor]) {
      expect(canViewCase(a, kase(), now)).toBe(false);
      expect(canContributeToCase(a, kase(), now)).toBe(false);
      expect(canManageCase(a, kase())).toBe(false);
    }
  });

  it('needs the supervisor role, not only a supervising membership', () => {
    const member = actor('m', ['adviser'], { supervises: ['team-a'] });
    expect(canViewCase(member, kase(), now)).toBe(false);
  });

  it('never crosses organisations', () => {
    expect(canViewCase({ ...owner, orgId: 'org-2' }, kase(), now)).toBe(false);
    expect(canManageCase({ ...supervisor, orgId: 'org-2' }, kase())).toBe(false);
  });

  it('grants a live share view and contribution, not management; expired or revoked shares grant nothing', () => {
    const share = { userId: 'colleague', kind: 'share' as const, revokedAt: null };
    expect(canViewCase(colleague, kase({ shares: [{ ...share, expiresAt: null }] }), now)).toBe(true);
    expect(canContributeToCase(colleague, kase({ shares: [{ ...share, expiresAt: null }] }), now)).toBe(true);
    expect(canManageCase(colleague, kase({ shares: [{ ...share, expiresAt: null }] }))).toBe(false);
    expect(
      canViewCase(colleague, kase({ shares: [{ ...share, expiresAt: new Date(now.getTime() - 1) }] }), now),
    ).toBe(false);
    expect(
      canViewCase(colleague, kase({ shares: [{ ...share, expiresAt: null, revokedAt: now }] }), now),
    ).toBe(false);
  });

  it('lets a break-glass reader see but not contribute', () => {
    const c = kase({
      shares: [
        {
          userId: 'sup-b',
          kind: 'break-glass',
          expiresAt: new Date(now.getTime() + 3_600_000),
          revokedAt: null,
        },
      ],
    });
    expect(canViewCase(otherSupervisor, c, now)).toBe(true);
    expect(canContributeToCase(otherSupervisor, c, now)).toBe(false);
  });

  it('allows break-glass only to supervisors outside the case’s team', () => {
    expect(canBreakGlass(otherSupervisor, kase())).toBe(true);
    expect(canBreakGlass(supervisor, kase())).toBe(false);
    expect(canBreakGlass(colleague, kase())).toBe(false);
    expect(canBreakGlass(admin, kase())).toBe(false);
  });
});

describe('note access', () => {
  const filed = { authorId: 'owner', status: 'filed' as const, sensitivity: 'normal' as const };
  const restricted = { ...filed, authorId: 'colleague', sensitivity: 'restricted' as const };
  const shared = kase({ shares: [{ userId: 'colleague', kind: 'share', expiresAt: null, revokedAt: null }] });

  it('shows a draft to its author only', () => {
    const draft = { ...filed, status: 'draft' as const };
    expect(canSeeNote(owner, kase(), draft, now)).toBe(true);
    expect(canSeeNote(supervisor, kase(), draft, now)).toBe(false);
  });

  it('shows a restricted note’s content to its author, the owner and the team’s supervisors only', () => {
    const sharedWithReader = kase({
      shares: [{ userId: 'reader', kind: 'share', expiresAt: null, revokedAt: null }],
    });
    const reader = actor('reader', ['adviser']);
    expect(canReadNoteContent(owner, shared, restricted, now)).toBe(true);
    expect(canReadNoteContent(colleague, shared, restricted, now)).toBe(true);
    expect(canReadNoteContent(supervisor, shared, restricted, now)).toBe(true);
    expect(canSeeNote(reader, sharedWithReader, restricted, now)).toBe(true);
    expect(canReadNoteContent(reader, sharedWithReader, restricted, now)).toBe(false);
    expect(canReadNoteContent(reader, sharedWithReader, filed, now)).toBe(true);
  });
});
