import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { reallocationActorRefusal, reallocationRefusal } from './reallocation-access.ts';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'sam',
  orgId: 'org',
  roles: ['supervisor', 'adviser'],
  teamIds: ['team-a'],
  supervisedTeamIds: ['team-a'],
  ...overrides,
});
const kase = { ownerId: 'ana', teamId: 'team-a' };
const ben = { id: 'ben', roles: ['adviser'] as const, teamIds: ['team-a'] };

describe('reallocationRefusal', () => {
  it('lets a supervisor of the case’s team preview a move to an adviser or supervisor of that team', () => {
    expect(reallocationRefusal(actor(), kase, ben)).toBeUndefined();
    expect(reallocationRefusal(actor(), kase, { ...ben, roles: ['supervisor'] })).toBeUndefined();
    // Moving it to themself is a move like any other.
    expect(
      reallocationRefusal(actor(), kase, { id: 'sam', roles: ['supervisor'], teamIds: ['team-a'] }),
    ).toBe(undefined);
  });

  it('refuses a case without a team: nobody supervises it', () => {
    expect(reallocationRefusal(actor(), { ownerId: 'ana', teamId: null }, ben)).toBe('no-team');
  });

  it('refuses anyone who does not supervise the case’s team, the owner included', () => {
    expect(reallocationRefusal(actor({ supervisedTeamIds: ['team-b'] }), kase, ben)).toBe('not-supervisor');
    expect(reallocationRefusal(actor({ roles: ['adviser'] }), kase, ben)).toBe('not-supervisor');
    expect(
      reallocationRefusal(actor({ id: 'ana', roles: ['adviser'], supervisedTeamIds: [] }), kase, ben),
    ).toBe('not-supervisor');
  });

  it('checks the actor before the receiver, so a refused actor learns nothing about them', () => {
    expect(reallocationRefusal(actor({ supervisedTeamIds: [] }), kase, undefined)).toBe('not-supervisor');
    expect(reallocationActorRefusal(actor({ supervisedTeamIds: [] }), kase)).toBe('not-supervisor');
    expect(reallocationActorRefusal(actor(), { ownerId: 'ana', teamId: null })).toBe('no-team');
    expect(reallocationActorRefusal(actor(), kase)).toBeUndefined();
  });

  it('refuses a receiver who is unknown, the owner, holds no cases or is outside the team', () => {
    expect(reallocationRefusal(actor(), kase, undefined)).toBe('no-receiver');
    expect(reallocationRefusal(actor(), kase, { ...ben, id: 'ana' })).toBe('same-owner');
    expect(reallocationRefusal(actor(), kase, { ...ben, roles: ['admin', 'auditor'] })).toBe(
      'cannot-hold-cases',
    );
    expect(reallocationRefusal(actor(), kase, { ...ben, teamIds: ['team-b'] })).toBe('not-in-team');
  });
});
