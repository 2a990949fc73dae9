import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import {
  mayHoldReview,
  mayReadReview,
  mayShareIntoReview,
  maySuperviseReviewOf,
  mayViewReviewsOf,
} from './review-access.ts';

const actor = (id: string, roles: Actor['roles'], supervised: string[] = [], teams = supervised): Actor => ({
  id,
  orgId: 'org',
  roles,
  teamIds: teams,
  supervisedTeamIds: supervised,
});

const practitioner = actor('p', ['adviser'], [], ['team-a']);
const supervisorA = actor('sa', ['supervisor', 'adviser'], ['team-a']);
const coSupervisorA = actor('sa2', ['supervisor'], ['team-a']);
const supervisorB = actor('sb', ['supervisor'], ['team-b']);
const colleague = actor('c', ['adviser'], [], ['team-a']);
const admin = actor('ad', ['admin']);
// Listed as supervising team A, but without the supervisor role: no access.
const roleless = actor('x', ['adviser'], ['team-a']);
const elsewhere: Actor = { ...supervisorA, orgId: 'other' };

const p = { userId: 'p', userTeamIds: ['team-a'] };
const review = { orgId: 'org', practitionerId: 'p', supervisorId: 'sa', practitionerTeamIds: ['team-a'] };

describe('schedules and reviews of a practitioner', () => {
  it('are seen by the practitioner and the supervisors of their teams only', () => {
    expect(mayViewReviewsOf(practitioner, p)).toBe(true);
    expect(mayViewReviewsOf(supervisorA, p)).toBe(true);
    expect(mayViewReviewsOf(coSupervisorA, p)).toBe(true);
    for (const other of [supervisorB, colleague, admin, roleless])
      expect(mayViewReviewsOf(other, p)).toBe(false);
  });

  it('are supervised (started, scheduled) by a supervisor of their team, never by themself', () => {
    expect(maySuperviseReviewOf(supervisorA, p)).toBe(true);
    expect(maySuperviseReviewOf(practitioner, p)).toBe(false);
    expect(maySuperviseReviewOf(supervisorB, p)).toBe(false);
    expect(maySuperviseReviewOf(roleless, p)).toBe(false);
    expect(maySuperviseReviewOf(supervisorA, { userId: 'sa', userTeamIds: ['team-a'] })).toBe(false);
  });
});

describe('one review', () => {
  it('is read by its practitioner, its holder and the other supervisors of the practitioner’s teams', () => {
    for (const a of [practitioner, supervisorA, coSupervisorA]) expect(mayReadReview(a, review)).toBe(true);
    for (const a of [supervisorB, colleague, admin, roleless, elsewhere])
      expect(mayReadReview(a, review)).toBe(false);
  });

  it('stays readable by its holder after they stop supervising the team', () => {
    const moved = actor('sa', ['supervisor'], ['team-b']);
    expect(mayReadReview(moved, review)).toBe(true);
    expect(mayReadReview(supervisorA, { ...review, practitionerTeamIds: [] })).toBe(true);
    expect(mayReadReview(coSupervisorA, { ...review, practitionerTeamIds: [] })).toBe(false);
  });

  it('is changed by its holder only', () => {
    expect(mayHoldReview(supervisorA, review)).toBe(true);
    for (const a of [practitioner, coSupervisorA, supervisorB, elsewhere])
      expect(mayHoldReview(a, review)).toBe(false);
  });

  it('takes reflections from its practitioner only', () => {
    expect(mayShareIntoReview(practitioner, review)).toBe(true);
    for (const a of [supervisorA, coSupervisorA, colleague])
      expect(mayShareIntoReview(a, review)).toBe(false);
  });
});
