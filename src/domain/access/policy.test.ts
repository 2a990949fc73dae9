import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.ts';
import {
  adminChangeRefusal,
  changeTeam,
  changeUser,
  decide,
  manageUsers,
  publicAccess,
  readAuditLog,
  signedIn,
  signingIn,
  viewDirectory,
  viewUser,
} from './policy.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  orgId: ORG,
  roles,
  teamIds: [],
  supervisedTeamIds: [],
  ...overrides,
});

const adviser = actor(['adviser']);
const supervisor = actor(['supervisor']);
const admin = actor(['admin']);
const auditor = actor(['auditor']);
const otherUserId = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('decide', () => {
  it('lets anyone through a public policy, signed in or not', () => {
    expect(decide(publicAccess, undefined, undefined)).toEqual({ allowed: true });
    expect(decide(publicAccess, adviser, undefined)).toEqual({ allowed: true });
  });

  it('refuses a signed-out caller any non-public policy', () => {
    expect(decide(signedIn, undefined, undefined)).toEqual({ allowed: false, reason: 'not signed in' });
    expect(decide(signingIn, undefined, undefined).allowed).toBe(false);
  });

  it('names the refusing policy', () => {
    expect(decide(manageUsers, adviser, undefined)).toEqual({
      allowed: false,
      reason: 'policy users.manage refused',
    });
  });
});

describe('signingIn and signedIn', () => {
  it('allow any signed-in user; signingIn is usable half-way through sign-in', () => {
    for (const a of [adviser, supervisor, admin, auditor]) {
      expect(decide(signedIn, a, undefined).allowed).toBe(true);
      expect(decide(signingIn, a, undefined).allowed).toBe(true);
    }
    expect(signingIn.partialSession).toBe(true);
    expect(signedIn.partialSession).toBeFalsy();
  });
});

describe('manageUsers', () => {
  it('allows admins only', () => {
    expect(manageUsers.allows(admin)).toBe(true);
    expect(manageUsers.allows(actor(['adviser', 'admin']))).toBe(true);
    expect(manageUsers.allows(adviser)).toBe(false);
    expect(manageUsers.allows(supervisor)).toBe(false);
    expect(manageUsers.allows(auditor)).toBe(false);
  });
});

describe('viewDirectory', () => {
  it('allows admins, supervisors and auditors, not advisers', () => {
    expect(viewDirectory.allows(admin)).toBe(true);
    expect(viewDirectory.allows(supervisor)).toBe(true);
    expect(viewDirectory.allows(auditor)).toBe(true);
    expect(viewDirectory.allows(adviser)).toBe(false);
  });
});

describe('readAuditLog', () => {
  it('allows auditors and admins only', () => {
    expect(readAuditLog.allows(auditor)).toBe(true);
    expect(readAuditLog.allows(admin)).toBe(true);
    expect(readAuditLog.allows(supervisor)).toBe(false);
    expect(readAuditLog.allows(adviser)).toBe(false);
  });
});

describe('viewUser', () => {
  const other = { orgId: ORG, userId: otherUserId };

  it('lets every user see their own record', () => {
    expect(viewUser.allows(adviser, { orgId: ORG, userId: adviser.id })).toBe(true);
  });

  it('lets directory viewers see others of their organisation, not advisers', () => {
    expect(viewUser.allows(admin, other)).toBe(true);
    expect(viewUser.allows(supervisor, other)).toBe(true);
    expect(viewUser.allows(auditor, other)).toBe(true);
    expect(viewUser.allows(adviser, other)).toBe(false);
  });

  it('refuses every role across organisations, even for the same user id', () => {
    for (const a of [adviser, supervisor, admin, auditor]) {
      expect(viewUser.allows(a, { orgId: OTHER_ORG, userId: otherUserId })).toBe(false);
      expect(viewUser.allows(a, { orgId: OTHER_ORG, userId: a.id })).toBe(false);
    }
  });
});

describe('changeUser', () => {
  it('allows admins of the same organisation only', () => {
    expect(changeUser.allows(admin, { orgId: ORG, userId: otherUserId })).toBe(true);
    expect(changeUser.allows(supervisor, { orgId: ORG, userId: otherUserId })).toBe(false);
    expect(changeUser.allows(adviser, { orgId: ORG, userId: adviser.id })).toBe(false);
    expect(changeUser.allows(admin, { orgId: OTHER_ORG, userId: otherUserId })).toBe(false);
  });
});

describe('changeTeam', () => {
  const team = { orgId: ORG, teamId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' };

  it('allows admins of the same organisation only', () => {
    expect(changeTeam.allows(admin, team)).toBe(true);
    expect(changeTeam.allows(actor(['supervisor'], { supervisedTeamIds: [team.teamId] }), team)).toBe(false);
    expect(changeTeam.allows(adviser, team)).toBe(false);
    expect(changeTeam.allows(admin, { ...team, orgId: OTHER_ORG })).toBe(false);
  });
});

describe('adminChangeRefusal', () => {
  const activeAdmin = { id: otherUserId, orgId: ORG, roles: ['admin'] as Role[], status: 'active' as const };
  const self = { ...activeAdmin, id: admin.id };

  it('refuses an admin disabling themself or dropping their own admin role', () => {
    expect(adminChangeRefusal(admin, self, { roles: ['admin'], status: 'disabled' }, 3)).toBe('SELF_LOCKOUT');
    expect(adminChangeRefusal(admin, self, { roles: ['adviser'], status: 'active' }, 3)).toBe('SELF_LOCKOUT');
  });

  it('lets an admin change their own record while staying an active admin', () => {
    expect(adminChangeRefusal(admin, self, { roles: ['admin', 'auditor'], status: 'active' }, 0)).toBe(
      undefined,
    );
  });

  it('refuses removing the last active admin of the organisation', () => {
    expect(adminChangeRefusal(admin, activeAdmin, { roles: ['admin'], status: 'disabled' }, 0)).toBe(
      'LAST_ADMIN',
    );
    expect(adminChangeRefusal(admin, activeAdmin, { roles: ['supervisor'], status: 'active' }, 0)).toBe(
      'LAST_ADMIN',
    );
  });

  it('allows removing an admin when another active admin remains', () => {
    expect(adminChangeRefusal(admin, activeAdmin, { roles: ['admin'], status: 'disabled' }, 1)).toBe(
      undefined,
    );
  });

  it('ignores changes that do not take away an active admin', () => {
    const disabledAdmin = { ...activeAdmin, status: 'disabled' as const };
    const adviserTarget = { ...activeAdmin, roles: ['adviser'] as Role[] };
    expect(adminChangeRefusal(admin, disabledAdmin, { roles: ['adviser'], status: 'disabled' }, 0)).toBe(
      undefined,
    );
    expect(adminChangeRefusal(admin, adviserTarget, { roles: ['adviser'], status: 'disabled' }, 0)).toBe(
      undefined,
    );
  });
});
