import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor.ts';
import { exportAnonymisedCases } from './access.ts';

const actor = (roles: Role[]): Actor => ({ id: 'u', orgId: 'o', roles, teamIds: [], supervisedTeamIds: [] });

describe('exportAnonymisedCases', () => {
  it.each([
    [['adviser'], true],
    [['supervisor'], true],
    [['admin'], true],
    [['auditor'], false],
    [['auditor', 'adviser'], true],
    [[], false],
  ] as [Role[], boolean][])('roles %j → %s', (roles, allowed) => {
    expect(exportAnonymisedCases.allows(actor(roles), undefined)).toBe(allowed);
  });
});
