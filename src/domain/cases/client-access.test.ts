import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import type { CaseAccessView } from './case-access.ts';
import { type ClientAccessView, canChangeClient, canViewClient, createClients } from './client-access.ts';

const now = new Date('2026-11-24T10:00:00Z');
const ORG = 'org-1';
const actor = (id: string, roles: Actor['roles'], supervises: string[] = [], orgId = ORG): Actor => ({
  id,
  orgId,
  roles,
  teamIds: supervises,
  supervisedTeamIds: supervises,
});
const kase = (over: Partial<CaseAccessView> = {}): CaseAccessView => ({
  orgId: ORG,
  ownerId: 'owner',
  teamId: 'team-a',
  shares: [],
  ...over,
});
const client = (over: Partial<ClientAccessView> = {}): ClientAccessView => ({
  orgId: ORG,
  createdBy: 'creator',
  cases: [],
  ...over,
});

const creator = actor('creator', ['adviser']);
const owner = actor('owner', ['adviser']);
const supervisor = actor('sup', ['supervisor'], ['team-a']);
const otherSupervisor = actor('sup-b', ['supervisor'], ['team-b']);
const stranger = actor('stranger', ['adviser']);
const admin = actor('admin', ['admin']);

describe('client access', () => {
  it('lets the person who recorded the client see and change them, even before any case', () => {
    expect(canViewClient(creator, client(), now)).toBe(true);
    expect(canChangeClient(creator, client(), now)).toBe(true);
  });

  it('lets whoever may view a case of the client see them', () => {
    const c = client({ cases: [kase({ ownerId: 'someone' }), kase()] });
    for (const a of [owner, supervisor]) {
      expect(canViewClient(a, c, now)).toBe(true);
      expect(canChangeClient(a, c, now)).toBe(true);
    }
  });

  it('keeps out other advisers, other teams’ supervisors and admins', () => {
    const c = client({ cases: [kase()] });
    for (const a of [stranger, otherSupervisor, admin]) {
      expect(canViewClient(a, c, now)).toBe(false);
      expect(canChangeClient(a, c, now)).toBe(false);
    }
  });

  it('lets a break-glass reader see but not change, and ignores expired shares', () => {
    const glass = client({
      cases: [kase({ shares: [{ userId: 'sup-b', kind: 'break-glass', expiresAt: null, revokedAt: null }] })],
    });
    expect(canViewClient(otherSupervisor, glass, now)).toBe(true);
    expect(canChangeClient(otherSupervisor, glass, now)).toBe(false);
    const shared = (expiresAt: Date) =>
      client({
        cases: [kase({ shares: [{ userId: 'stranger', kind: 'share', expiresAt, revokedAt: null }] })],
      });
    expect(canChangeClient(stranger, shared(new Date('2026-12-01T00:00:00Z')), now)).toBe(true);
    expect(canViewClient(stranger, shared(new Date('2026-11-01T00:00:00Z')), now)).toBe(false);
  });

  it('never crosses organisations, even for the creator’s id', () => {
    const foreign = actor('creator', ['adviser'], [], 'org-2');
    expect(canViewClient(foreign, client(), now)).toBe(false);
    expect(canChangeClient(foreign, client(), now)).toBe(false);
  });

  it('lets advisers and supervisors create clients, not admins or auditors alone', () => {
    expect(createClients.allows(owner)).toBe(true);
    expect(createClients.allows(supervisor)).toBe(true);
    expect(createClients.allows(admin)).toBe(false);
    expect(createClients.allows(actor('aud', ['auditor']))).toBe(false);
  });
});
