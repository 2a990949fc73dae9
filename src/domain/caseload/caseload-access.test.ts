import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { mayViewCaseloadEffect } from './caseload-access.ts';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'me',
  orgId: 'org',
  roles: ['adviser'],
  teamIds: ['team-a'],
  supervisedTeamIds: [],
  ...overrides,
});

describe('mayViewCaseloadEffect', () => {
  it('lets anyone see their own caseload', () => {
    expect(mayViewCaseloadEffect(actor(), { userId: 'me', userTeamIds: [] })).toBe(true);
    expect(mayViewCaseloadEffect(actor({ roles: ['auditor'] }), { userId: 'me', userTeamIds: [] })).toBe(
      true,
    );
  });

  it('lets a supervisor see a member of a team they supervise, and nobody else', () => {
    const supervisor = actor({ roles: ['adviser', 'supervisor'], supervisedTeamIds: ['team-a'] });
    expect(mayViewCaseloadEffect(supervisor, { userId: 'ari', userTeamIds: ['team-b', 'team-a'] })).toBe(
      true,
    );
    expect(mayViewCaseloadEffect(supervisor, { userId: 'bo', userTeamIds: ['team-b'] })).toBe(false);
    // A colleague in the same team is not a supervisor of it.
    expect(mayViewCaseloadEffect(actor(), { userId: 'ari', userTeamIds: ['team-a'] })).toBe(false);
    // Supervising a team without the supervisor role (since removed) gives nothing.
    const demoted = actor({ supervisedTeamIds: ['team-a'] });
    expect(mayViewCaseloadEffect(demoted, { userId: 'ari', userTeamIds: ['team-a'] })).toBe(false);
  });

  it('gives admins and auditors no one else’s caseload', () => {
    for (const roles of [['admin'], ['auditor']] as const) {
      expect(mayViewCaseloadEffect(actor({ roles }), { userId: 'ari', userTeamIds: ['team-a'] })).toBe(false);
    }
  });
});
