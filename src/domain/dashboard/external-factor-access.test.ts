import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { manageExternalFactors, mayManageExternalFactor } from './external-factor-access.ts';

const actor = (roles: Actor['roles'], supervisedTeamIds: string[] = []): Actor => ({
  id: 'me',
  orgId: 'org',
  roles,
  teamIds: supervisedTeamIds,
  supervisedTeamIds,
});
const orgWide = { teamId: null, userId: null, userTeamIds: [] };

describe('mayManageExternalFactor', () => {
  it('lets an admin manage any factor', () => {
    const admin = actor(['admin']);
    expect(mayManageExternalFactor(admin, orgWide)).toBe(true);
    expect(mayManageExternalFactor(admin, { teamId: 'T', userId: null, userTeamIds: [] })).toBe(true);
    expect(mayManageExternalFactor(admin, { teamId: null, userId: 'u', userTeamIds: [] })).toBe(true);
  });

  it('lets a supervisor manage their team’s factors and its members’, not the organisation’s', () => {
    const sup = actor(['supervisor'], ['T']);
    expect(mayManageExternalFactor(sup, { teamId: 'T', userId: null, userTeamIds: [] })).toBe(true);
    expect(mayManageExternalFactor(sup, { teamId: null, userId: 'u', userTeamIds: ['X', 'T'] })).toBe(true);
    expect(mayManageExternalFactor(sup, orgWide)).toBe(false);
  });

  it('refuses a supervisor another team and a person outside their teams', () => {
    const sup = actor(['supervisor'], ['T']);
    expect(mayManageExternalFactor(sup, { teamId: 'X', userId: null, userTeamIds: [] })).toBe(false);
    expect(mayManageExternalFactor(sup, { teamId: null, userId: 'u', userTeamIds: ['X'] })).toBe(false);
    expect(mayManageExternalFactor(sup, { teamId: null, userId: 'u', userTeamIds: [] })).toBe(false);
  });

  it('refuses a supervisor when a team and a person are both named and either is outside', () => {
    const sup = actor(['supervisor'], ['T']);
    expect(mayManageExternalFactor(sup, { teamId: 'T', userId: 'u', userTeamIds: ['X'] })).toBe(false);
    expect(mayManageExternalFactor(sup, { teamId: 'X', userId: 'u', userTeamIds: ['T'] })).toBe(false);
  });

  it('refuses advisers and auditors, and someone listed as supervising without the role', () => {
    expect(mayManageExternalFactor(actor(['adviser']), { teamId: 'T', userId: null, userTeamIds: [] })).toBe(
      false,
    );
    expect(mayManageExternalFactor(actor(['auditor']), orgWide)).toBe(false);
    expect(
      mayManageExternalFactor(actor(['adviser'], ['T']), { teamId: 'T', userId: null, userTeamIds: [] }),
    ).toBe(false);
  });
});

describe('manageExternalFactors (the routes’ policy)', () => {
  it('lets admins and supervisors in, no one else', () => {
    expect(manageExternalFactors.allows(actor(['admin']), undefined)).toBe(true);
    expect(manageExternalFactors.allows(actor(['supervisor']), undefined)).toBe(true);
    expect(manageExternalFactors.allows(actor(['adviser']), undefined)).toBe(false);
    expect(manageExternalFactors.allows(actor(['auditor']), undefined)).toBe(false);
  });
});
