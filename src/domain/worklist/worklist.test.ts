import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { RESOURCE_PROBLEMS, resourceProblems } from './resources.ts';
import { buildWorklist, NO_FILTERS } from './worklist.ts';
import { mayViewWorklist } from './worklist-access.ts';
import { NOT_YET_ASSESSED, type WorklistCase, type WorklistSettings } from './worklist-row.ts';

// Thursday 26 November 2026.
const settings: WorklistSettings = {
  today: '2026-11-26',
  timeZone: 'Europe/London',
  nation: 'england-and-wales',
  timescales: [],
};

let n = 0;
function aCase(overrides: Partial<WorklistCase> = {}): WorklistCase {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `CL-2026-${String(n).padStart(6, '0')}`,
    status: 'open',
    client: { id: 'client', displayName: 'Client' },
    type: { id: 'type-benefits', key: 'welfare-benefits', name: 'Welfare benefits' },
    owner: { id: 'owner', displayName: 'Owner', active: true },
    team: null,
    vulnerability: 0,
    impact: 'none',
    openedAt: new Date('2026-11-20T10:00:00Z'),
    lastAttentionAt: new Date('2026-11-20T10:00:00Z'),
    firstContactAt: new Date('2026-11-20T10:00:00Z'),
    allocatedHours: null,
    openSafeguardingFlags: 0,
    openVulnerabilityFlags: 0,
    safeguardingRaisedAt: null,
    nextKeyDate: null,
    nextAction: null,
    assessment: null,
    ...overrides,
  };
}

const assessed = (
  band: 'red' | 'amber' | 'green',
  score: number,
  reasons: string[] = [`${band}: because`],
) => ({
  id: 'a',
  band,
  computedBand: band,
  score,
  quadrant: 'neither-urgent-nor-important' as const,
  reasons,
  override: null,
  assessedAt: new Date('2026-11-26T08:00:00Z'),
});

describe('resourceProblems', () => {
  const all = { ownerActive: false, hasNextActionWithDueDate: false, allocatedHours: 0 };
  it('names every missing resource of a red case, in plain words', () => {
    expect(resourceProblems('red', all)).toEqual([
      RESOURCE_PROBLEMS.noActiveOwner,
      RESOURCE_PROBLEMS.noNextAction,
      RESOURCE_PROBLEMS.noAllocatedTime,
    ]);
    expect(
      resourceProblems('red', { ownerActive: true, hasNextActionWithDueDate: true, allocatedHours: 2 }),
    ).toEqual([]);
  });
  it('checks red cases only', () => {
    expect(resourceProblems('amber', all)).toEqual([]);
    expect(resourceProblems('green', all)).toEqual([]);
  });
});

describe('buildWorklist', () => {
  it('treats a case not yet assessed as green with score 0 and says so', () => {
    const { rows } = buildWorklist([aCase()], settings);
    expect(rows[0]).toMatchObject({ assessed: false, band: 'green', score: 0, reasons: [NOT_YET_ASSESSED] });
  });

  it('orders by band, then the nearest date, score and attention, and explains each position', () => {
    const green = aCase({ assessment: assessed('green', 5) });
    const amberLater = aCase({
      assessment: assessed('amber', 60),
      nextKeyDate: { date: '2026-12-10', kind: 'hearing', description: 'Hearing' },
    });
    const amberOverdue = aCase({
      assessment: assessed('amber', 40),
      nextAction: { id: 'x', dueDate: '2026-11-24', description: 'Send the form' },
    });
    const red = aCase({ assessment: assessed('red', 50) });
    const { rows } = buildWorklist([green, amberLater, amberOverdue, red], settings);
    expect(rows.map((r) => r.case.id)).toEqual([red.id, amberOverdue.id, amberLater.id, green.id]);
    expect(rows.map((r) => r.decidedBy)).toEqual([null, 'band', 'next-date', 'band']);
    expect(rows[1]?.nextActionDue).toMatchObject({ overdue: true, dueDate: '2026-11-24' });
    expect(rows[2]?.explanation).toContain('its next date, Thu 10 Dec (hearing), comes after Tue 24 Nov');
  });

  it('counts working days to the next key date, negative when missed', () => {
    const { rows } = buildWorklist(
      [
        aCase({ nextKeyDate: { date: '2026-12-01', kind: 'appeal-deadline', description: 'Appeal' } }),
        aCase({ nextKeyDate: { date: '2026-11-24', kind: 'hearing', description: 'Hearing' } }),
      ],
      settings,
    );
    expect(rows.map((r) => [r.nextKeyDate?.workingDaysAway, r.nextKeyDate?.missed])).toEqual([
      [-2, true],
      [3, false],
    ]);
  });

  it('computes the attention and resolution clocks against the timescale of the band that counts', () => {
    // Red: review within 5 working days. Last attention Fri 20 Nov: due Fri 27 Nov, 4 of 5 elapsed → near.
    const { rows } = buildWorklist([aCase({ assessment: assessed('red', 80) })], settings);
    expect(rows[0]?.clocks.attention).toMatchObject({
      kind: 'review',
      status: 'near',
      dueDate: '2026-11-27',
    });
    // Not contacted yet, green: first contact within 5 working days of opening (Fri 20 Nov) → Fri 27 Nov.
    const fresh = buildWorklist([aCase({ firstContactAt: null })], settings).rows[0];
    expect(fresh?.clocks.attention).toMatchObject({ kind: 'first-contact', dueDate: '2026-11-27' });
    expect(fresh?.daysSinceAttention).toBe(6);
  });

  it('filters by band, status, type and flag, and keeps the summary for the whole scope', () => {
    const cases = [
      aCase({ assessment: assessed('red', 80), openSafeguardingFlags: 1 }),
      aCase({
        assessment: assessed('red', 75),
        allocatedHours: 3,
        nextAction: { id: 'y', dueDate: '2026-12-01', description: 'Ring' },
      }),
      aCase({ assessment: { ...assessed('amber', 40), override: { band: 'amber', rationale: 'Known' } } }),
      aCase({
        status: 'on_hold',
        openVulnerabilityFlags: 2,
        type: { id: 'type-debt', key: 'debt', name: 'Debt' },
      }),
    ];
    const ids = (filters: Parameters<typeof buildWorklist>[2]) =>
      buildWorklist(cases, settings, filters).rows.map((r) => r.case.reference);
    const refs = cases.map((c) => c.reference);
    expect(ids({ bands: ['red'], statuses: [] })).toEqual([refs[0], refs[1]]);
    expect(ids({ bands: ['amber', 'green'], statuses: [] })).toEqual([refs[2], refs[3]]);
    expect(ids({ bands: [], statuses: ['on_hold'] })).toEqual([refs[3]]);
    expect(ids({ ...NO_FILTERS, type: 'debt' })).toEqual([refs[3]]);
    expect(ids({ ...NO_FILTERS, type: 'type-debt' })).toEqual([refs[3]]);
    expect(ids({ ...NO_FILTERS, flag: 'safeguarding' })).toEqual([refs[0]]);
    expect(ids({ ...NO_FILTERS, flag: 'vulnerability' })).toEqual([refs[3]]);
    expect(ids({ ...NO_FILTERS, flag: 'overridden' })).toEqual([refs[2]]);
    expect(ids({ ...NO_FILTERS, flag: 'resources' })).toEqual([refs[0]]);
    const { summary } = buildWorklist(cases, settings, { bands: ['red'], statuses: [] });
    expect(summary).toMatchObject({
      total: 4,
      shown: 2,
      byBand: { red: 2, amber: 1, green: 1 },
      notAssessed: 1,
      redWithResourceProblems: 1,
    });
  });
});

describe('mayViewWorklist', () => {
  const actor = (over: Partial<Actor>): Actor => ({
    id: 'me',
    orgId: 'org',
    roles: ['adviser'],
    teamIds: ['t1'],
    supervisedTeamIds: [],
    ...over,
  });
  const supervisor = actor({ roles: ['adviser', 'supervisor'], supervisedTeamIds: ['t1'] });
  it('lets anyone see their own, and a supervisor their team’s and its members’', () => {
    expect(mayViewWorklist(actor({}), { kind: 'mine' })).toBe(true);
    expect(mayViewWorklist(actor({}), { kind: 'user', userId: 'me', userTeamIds: [] })).toBe(true);
    expect(mayViewWorklist(supervisor, { kind: 'team', teamId: 't1' })).toBe(true);
    expect(mayViewWorklist(supervisor, { kind: 'team', teamId: null })).toBe(true);
    expect(mayViewWorklist(supervisor, { kind: 'user', userId: 'u', userTeamIds: ['t1'] })).toBe(true);
  });
  it('refuses another’s and other teams’, and admins without supervision', () => {
    expect(mayViewWorklist(actor({}), { kind: 'user', userId: 'u', userTeamIds: ['t1'] })).toBe(false);
    expect(mayViewWorklist(actor({}), { kind: 'team', teamId: 't1' })).toBe(false);
    expect(mayViewWorklist(actor({}), { kind: 'team', teamId: null })).toBe(false);
    expect(mayViewWorklist(supervisor, { kind: 'team', teamId: 't2' })).toBe(false);
    expect(mayViewWorklist(supervisor, { kind: 'user', userId: 'u', userTeamIds: ['t2'] })).toBe(false);
    expect(
      mayViewWorklist(actor({ roles: ['admin'] }), { kind: 'user', userId: 'u', userTeamIds: ['t1'] }),
    ).toBe(false);
  });
});
