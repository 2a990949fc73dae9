import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/actor.ts';
import { keyDateCountdown, mayViewKeyDateRegister } from './register.ts';
import { normaliseLeadDays, reminderLeadDaysProblem } from './reminder-lead-days.ts';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({
  id: 'me',
  orgId: 'org',
  roles,
  teamIds: [],
  supervisedTeamIds: [],
  ...overrides,
});

const supervisorOfA = actor(['supervisor', 'adviser'], { teamIds: ['A'], supervisedTeamIds: ['A'] });
const adviserInA = actor(['adviser'], { teamIds: ['A'] });
const admin = actor(['admin']);

describe('who may see a key dates register', () => {
  it('lets everyone see their own', () => {
    for (const a of [supervisorOfA, adviserInA, admin]) {
      expect(mayViewKeyDateRegister(a, { kind: 'mine' })).toBe(true);
      expect(mayViewKeyDateRegister(a, { kind: 'user', userId: 'me', userTeamIds: [] })).toBe(true);
    }
  });

  it('shows a team’s backup diary to its supervisors only', () => {
    expect(mayViewKeyDateRegister(supervisorOfA, { kind: 'team', teamId: 'A' })).toBe(true);
    expect(mayViewKeyDateRegister(supervisorOfA, { kind: 'team', teamId: null })).toBe(true);
    expect(mayViewKeyDateRegister(supervisorOfA, { kind: 'team', teamId: 'B' })).toBe(false);
    expect(mayViewKeyDateRegister(adviserInA, { kind: 'team', teamId: 'A' })).toBe(false);
    expect(mayViewKeyDateRegister(adviserInA, { kind: 'team', teamId: null })).toBe(false);
    expect(mayViewKeyDateRegister(admin, { kind: 'team', teamId: 'A' })).toBe(false);
  });

  it('needs the supervisor role as well as a supervised team', () => {
    const formerSupervisor = actor(['adviser'], { supervisedTeamIds: ['A'] });
    expect(mayViewKeyDateRegister(formerSupervisor, { kind: 'team', teamId: 'A' })).toBe(false);
    expect(mayViewKeyDateRegister(formerSupervisor, { kind: 'user', userId: 'x', userTeamIds: ['A'] })).toBe(
      false,
    );
  });

  it('shows a team member’s key dates to a supervisor of one of their teams', () => {
    expect(
      mayViewKeyDateRegister(supervisorOfA, { kind: 'user', userId: 'x', userTeamIds: ['B', 'A'] }),
    ).toBe(true);
    expect(mayViewKeyDateRegister(supervisorOfA, { kind: 'user', userId: 'x', userTeamIds: ['B'] })).toBe(
      false,
    );
    expect(mayViewKeyDateRegister(adviserInA, { kind: 'user', userId: 'x', userTeamIds: ['A'] })).toBe(false);
  });
});

describe('how far away a key date is', () => {
  it('counts working days, skipping weekends and bank holidays of the nation', () => {
    // Thu 26 Nov 2026 → Tue 1 Dec: Fri, Mon, Tue.
    expect(keyDateCountdown('2026-12-01', '2026-11-26', 'england-and-wales')).toEqual({
      workingDaysAway: 3,
      overdue: false,
    });
    // St Andrew's Day (Mon 30 Nov 2026) is a bank holiday in Scotland only.
    expect(keyDateCountdown('2026-12-01', '2026-11-26', 'scotland').workingDaysAway).toBe(2);
    expect(keyDateCountdown('2026-11-26', '2026-11-26', 'england-and-wales')).toEqual({
      workingDaysAway: 0,
      overdue: false,
    });
  });

  it('is negative and overdue once the date has passed', () => {
    expect(keyDateCountdown('2026-11-24', '2026-11-26', 'england-and-wales')).toEqual({
      workingDaysAway: -2,
      overdue: true,
    });
  });

  it('says overdue for a date that passed over a weekend with no working day since', () => {
    // Sat 28 Nov seen on Sun 29 Nov.
    expect(keyDateCountdown('2026-11-28', '2026-11-29', 'england-and-wales')).toEqual({
      workingDaysAway: 0,
      overdue: true,
    });
  });
});

describe('reminder lead times', () => {
  it('accepts whole numbers of working days from 1 to 60, each once, at most 10', () => {
    expect(reminderLeadDaysProblem([10, 5, 2, 1], { allowEmpty: false })).toBeUndefined();
    expect(reminderLeadDaysProblem([60], { allowEmpty: false })).toBeUndefined();
    expect(reminderLeadDaysProblem([], { allowEmpty: true })).toBeUndefined();
  });

  it('says what is wrong', () => {
    expect(reminderLeadDaysProblem([], { allowEmpty: false })).toBe(
      'Give at least one lead time in working days.',
    );
    expect(reminderLeadDaysProblem([0], { allowEmpty: true })).toMatch(/from 1 to 60 \(not 0\)/);
    expect(reminderLeadDaysProblem([61], { allowEmpty: true })).toMatch(/not 61/);
    expect(reminderLeadDaysProblem([1.5], { allowEmpty: true })).toMatch(/whole number/);
    expect(reminderLeadDaysProblem([10, 5, 5], { allowEmpty: true })).toBe(
      'Give each lead time once (5 is repeated).',
    );
    expect(reminderLeadDaysProblem([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { allowEmpty: true })).toBe(
      'Give at most 10 lead times.',
    );
  });

  it('orders them longest first', () => {
    expect(normaliseLeadDays([1, 10, 2, 5])).toEqual([10, 5, 2, 1]);
  });
});
