import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import {
  canMarkCorrectiveActionDone,
  canReviewFile,
  canSeeFileReview,
  canVerifyCorrectiveAction,
  type FileReviewAccessView,
  superviseFileReviews,
  viewFileReviewReport,
} from './file-review-access.ts';

const actor = (id: string, over: Partial<Actor> = {}): Actor => ({
  id,
  orgId: 'org',
  roles: ['adviser'],
  teamIds: [],
  supervisedTeamIds: [],
  ...over,
});

const ari = actor('ari', { teamIds: ['team-a'] });
const sam = actor('sam', {
  roles: ['supervisor', 'adviser'],
  teamIds: ['team-a'],
  supervisedTeamIds: ['team-a'],
});
const bea = actor('bea', { roles: ['supervisor'], teamIds: ['team-b'], supervisedTeamIds: ['team-b'] });
const ada = actor('ada', { roles: ['admin'] });
const otherOrgSam = { ...sam, orgId: 'elsewhere' };
// Holds the supervisor role but only sits in team A as a member.
const memberWithRole = actor('mo', { roles: ['supervisor'], teamIds: ['team-a'] });
// Supervises team A in the team's list but lost the supervisor role.
const formerSupervisor = actor('fo', { roles: ['adviser'], supervisedTeamIds: ['team-a'] });

const review: FileReviewAccessView = {
  orgId: 'org',
  practitionerId: 'ari',
  caseTeamId: 'team-a',
  caseOwnerId: 'ari',
};

describe('route policies', () => {
  it('lets supervisors sample, answer and verify; advisers, admins and auditors not', () => {
    expect(superviseFileReviews.allows(sam, undefined)).toBe(true);
    expect(superviseFileReviews.allows(ari, undefined)).toBe(false);
    expect(superviseFileReviews.allows(ada, undefined)).toBe(false);
    expect(superviseFileReviews.allows(actor('aud', { roles: ['auditor'] }), undefined)).toBe(false);
  });

  it('lets supervisors and admins read the report', () => {
    expect(viewFileReviewReport.allows(sam, undefined)).toBe(true);
    expect(viewFileReviewReport.allows(ada, undefined)).toBe(true);
    expect(viewFileReviewReport.allows(ari, undefined)).toBe(false);
  });
});

describe('a file review', () => {
  it.each([
    ['the practitioner', ari, true, false],
    ['the team’s supervisor', sam, true, true],
    ['another team’s supervisor', bea, false, false],
    ['an admin', ada, false, false],
    ['a supervisor of another organisation', otherOrgSam, false, false],
    ['a team member who holds the supervisor role', memberWithRole, false, false],
    ['a former supervisor without the role', formerSupervisor, false, false],
  ])('%s: sees %s, reviews %s', (_who, who, sees, reviews) => {
    expect(canSeeFileReview(who, review)).toBe(sees);
    expect(canReviewFile(who, review)).toBe(reviews);
  });

  it('is never reviewed by the practitioner, nor by the case’s owner, even when they supervise the team', () => {
    expect(canReviewFile(sam, { ...review, practitionerId: 'sam', caseOwnerId: 'sam' })).toBe(false);
    expect(canReviewFile(sam, { ...review, caseOwnerId: 'sam' })).toBe(false);
    expect(canSeeFileReview(sam, { ...review, practitionerId: 'sam', caseOwnerId: 'sam' })).toBe(true);
  });

  it('is seen by no supervisor when its case is in no team', () => {
    expect(canSeeFileReview(sam, { ...review, caseTeamId: null })).toBe(false);
    expect(canSeeFileReview(ari, { ...review, caseTeamId: null })).toBe(true);
  });
});

describe('a corrective action', () => {
  it('is marked done by its assignee only', () => {
    expect(canMarkCorrectiveActionDone(ari, { assignedTo: 'ari' })).toBe(true);
    expect(canMarkCorrectiveActionDone(sam, { assignedTo: 'ari' })).toBe(false);
  });

  it('is verified by a supervisor of the team who is not the assignee', () => {
    expect(canVerifyCorrectiveAction(sam, review, { assignedTo: 'ari' })).toBe(true);
    expect(canVerifyCorrectiveAction(sam, review, { assignedTo: 'sam' })).toBe(false);
    expect(canVerifyCorrectiveAction(bea, review, { assignedTo: 'ari' })).toBe(false);
    expect(canVerifyCorrectiveAction(ari, review, { assignedTo: 'sam' })).toBe(false);
  });
});
