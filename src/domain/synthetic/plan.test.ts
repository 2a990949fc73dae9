import { describe, expect, it } from 'vitest';
import { COMMON_INDICATORS } from '../cases/vulnerability-indicators.ts';
import { type EqualityQuestionKey, invalidEqualityAnswers } from '../compliance/equality-questions.ts';
import { isWorkingDay } from '../time/working-days.ts';
import { type CaseBatch, type PlanContext, planAdviserCases, ReferenceCounter } from './plan.ts';
import { Random } from './random.ts';
import { SIZES } from './sizes.ts';
import { VOCABULARY } from './vocabulary.ts';

const now = new Date('2026-11-24T12:00:00Z');
const ctx: PlanContext = {
  orgId: '00000000-0000-4000-8000-000000000001',
  now,
  historyDays: 3 * 365,
  caseTypes: Object.keys(VOCABULARY).map((key, i) => ({
    id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    key,
  })),
  outcomes: [
    { key: 'resolved', positive: true },
    { key: 'not-resolved', positive: false },
  ],
  manualFactors: [
    { id: '00000000-0000-4000-8000-000000000201', key: 'multiple-issues' },
    { id: '00000000-0000-4000-8000-000000000202', key: 'litigation' },
  ],
  retentionYears: 6,
  nation: 'england-and-wales',
};
const adviser = {
  id: '00000000-0000-4000-8000-000000000301',
  teamId: '00000000-0000-4000-8000-000000000401',
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function plan(seed: string, total = 2_000, open = 400): CaseBatch {
  return planAdviserCases(new Random(seed), ctx, adviser, { total, open }, new ReferenceCounter());
}

describe('planAdviserCases', () => {
  const batch = plan('plan-test');
  const byCase = groupBy(batch.notes, (n) => n.case_id);

  it('makes the asked number of cases, the asked number of them open or on hold', () => {
    expect(batch.cases).toHaveLength(2_000);
    expect(batch.cases.filter((c) => c.status !== 'closed')).toHaveLength(400);
    expect(batch.cases.some((c) => c.status === 'on_hold' && c.hold_reason)).toBe(true);
    expect(new Set(batch.cases.map((c) => c.reference)).size).toBe(2_000);
  });

  it('is the same for the same seed and different for another', () => {
    expect(plan('plan-test', 50, 10)).toEqual(plan('plan-test', 50, 10));
    expect(plan('other', 50, 10).cases[0]?.id).not.toBe(plan('plan-test', 50, 10).cases[0]?.id);
  });

  it('skews note counts: most cases 5–20 notes, a few with hundreds', () => {
    const counts = batch.cases.map(
      (c) => byCase.get(c.id)?.filter((n) => n.status === 'filed' && !n.amends_note_id).length ?? 0,
    );
    const sorted = [...counts].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(5);
    expect(median).toBeLessThanOrEqual(20);
    expect(counts.filter((n) => n >= 100).length).toBeGreaterThan(3);
    expect(counts.filter((n) => n >= 100).length).toBeLessThan(60);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(12);
  });

  it('keeps every note inside its case’s life and opens with the first contact', () => {
    for (const c of batch.cases) {
      const notes = (byCase.get(c.id) ?? []).filter((n) => !n.amends_note_id && n.status === 'filed');
      const end = (c.closed_at ?? now).getTime();
      for (const n of notes) {
        expect(n.occurred_at.getTime()).toBeGreaterThanOrEqual(c.opened_at.getTime());
        expect(n.occurred_at.getTime()).toBeLessThanOrEqual(end);
        expect((n.recorded_at as Date).getTime()).toBeGreaterThanOrEqual(n.occurred_at.getTime());
      }
      expect(notes[0]?.type).toBe('contact');
    }
  });

  it('opens and closes cases and holds contacts on working days in office hours', () => {
    const inOffice = (d: Date) => {
      const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
      return (
        isWorkingDay(d.toISOString().slice(0, 10), 'england-and-wales') && minutes >= 540 && minutes <= 995
      );
    };
    for (const c of batch.cases) {
      expect(inOffice(c.opened_at), `${c.reference} opened ${c.opened_at.toISOString()}`).toBe(true);
      if (c.closed_at)
        expect(inOffice(c.closed_at), `${c.reference} closed ${c.closed_at.toISOString()}`).toBe(true);
    }
    const filed = batch.notes.filter((n) => n.status === 'filed' && !n.amends_note_id);
    const outside = filed.filter((n) => !inOffice(n.occurred_at));
    expect(outside.length / filed.length).toBeLessThan(0.01);
    // Every weekday has its share of the contacts.
    const perWeekday = groupBy(filed, (n) => String(n.occurred_at.getUTCDay()));
    expect([...perWeekday.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const notes of perWeekday.values()) expect(notes.length / filed.length).toBeGreaterThan(0.15);
  });

  it('writes filed notes with facts, and uses all four sections across the caseload', () => {
    const filed = batch.notes.filter((n) => n.status === 'filed');
    expect(filed.every((n) => n.facts.length > 0)).toBe(true);
    for (const section of ['advice', 'actions_agreed', 'judgement'] as const) {
      const share = filed.filter((n) => n[section].length > 0).length / filed.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.95);
    }
    expect(batch.notes.some((n) => n.status === 'draft' && n.recorded_at === null)).toBe(true);
    expect(batch.notes.some((n) => n.amends_note_id && n.amendment_reason)).toBe(true);
  });

  it('closes cases with an outcome and a destruction date six years on', () => {
    for (const c of batch.cases.filter((x) => x.status === 'closed')) {
      expect(c.outcome_key).not.toBeNull();
      expect(c.closure_reason).not.toBeNull();
      const closed = (c.closed_at as Date).toISOString().slice(0, 10);
      expect(c.destruction_due_on).toBe(
        `${Number(closed.slice(0, 4)) + 6}${closed.slice(4)}`.replace('-02-29', '-02-28'),
      );
    }
  });

  it('spreads closures over the history, each about a week or more after opening and before today', () => {
    const closed = batch.cases.filter((c) => c.status === 'closed');
    const perDay = groupBy(closed, (c) => (c.closed_at as Date).toISOString().slice(0, 10));
    const busiest = Math.max(...[...perDay.values()].map((cases) => cases.length));
    expect(busiest).toBeLessThanOrEqual(12);
    const today = now.toISOString().slice(0, 10);
    for (const c of closed) {
      const closedAt = (c.closed_at as Date).getTime();
      expect(closedAt - c.opened_at.getTime()).toBeGreaterThanOrEqual(5 * 86_400_000);
      expect((c.closed_at as Date).toISOString().slice(0, 10) < today).toBe(true);
    }
    // Closed in the last 30 days: about as many as in any other 30 days of the three years.
    const recent = closed.filter((c) => (c.closed_at as Date).getTime() > now.getTime() - 30 * 86_400_000);
    expect(recent.length).toBeGreaterThan(10);
    expect(recent.length).toBeLessThan(90);
  });

  it('puts obstacles in the way of some open cases, most of them not yet resolved', () => {
    const open = new Set(batch.cases.filter((c) => c.status !== 'closed').map((c) => c.id));
    const blocked = new Set(
      batch.obstacles.filter((o) => open.has(o.case_id) && o.resolved_at === null).map((o) => o.case_id),
    );
    expect(blocked.size / open.size).toBeGreaterThan(0.1);
    expect(blocked.size / open.size).toBeLessThan(0.3);
  });

  it('gives open cases pending key dates: some already passed, some in the next fortnight', () => {
    const open = new Set(batch.cases.filter((c) => c.status !== 'closed').map((c) => c.id));
    const pending = batch.keyDates.filter((k) => open.has(k.case_id) && k.status === 'pending');
    const today = now.toISOString().slice(0, 10);
    const fortnight = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(pending.some((k) => k.due_date < today)).toBe(true);
    expect(pending.some((k) => k.due_date >= today && k.due_date <= fortnight)).toBe(true);
    expect(batch.keyDates.some((k) => k.status === 'missed')).toBe(true);
    expect(batch.keyDates.length / batch.cases.length).toBeGreaterThan(1.1);
  });

  it('keeps hearings, appointments and internal targets to working days, deadlines to any day', () => {
    const kept = batch.keyDates.filter((k) => ['hearing', 'appointment', 'internal-target'].includes(k.kind));
    expect(kept.length).toBeGreaterThan(200);
    for (const k of kept)
      expect(isWorkingDay(k.due_date, 'england-and-wales'), `${k.kind} ${k.due_date}`).toBe(true);
    const deadlines = batch.keyDates.filter(
      (k) => k.kind.endsWith('deadline') || k.kind === 'limitation-date',
    );
    expect(deadlines.some((k) => !isWorkingDay(k.due_date, 'england-and-wales'))).toBe(true);
    // Met or missed only once the day has passed.
    const today = now.toISOString().slice(0, 10);
    for (const k of batch.keyDates)
      if (k.status === 'missed' || k.status === 'met') expect(k.due_date <= today).toBe(true);
  });

  it('flags safeguarding on a few percent of cases and keeps open ones unresolved mostly', () => {
    const safeguarding = batch.flags.filter((f) => f.kind === 'safeguarding');
    expect(safeguarding.length / batch.cases.length).toBeGreaterThan(0.01);
    expect(safeguarding.length / batch.cases.length).toBeLessThan(0.06);
    expect(batch.flags.some((f) => f.resolved_at === null)).toBe(true);
  });

  it('records vulnerability indicators that match each case’s vulnerability level', () => {
    const offered = new Set<string>(COMMON_INDICATORS);
    for (const c of batch.cases) {
      const n = c.vulnerability_indicators.length;
      const [min, max] = [
        [0, 0],
        [1, 1],
        [1, 2],
        [2, 3],
      ][c.vulnerability] ?? [-1, -1];
      expect(n, `${c.reference}: level ${c.vulnerability}`).toBeGreaterThanOrEqual(min as number);
      expect(n, `${c.reference}: level ${c.vulnerability}`).toBeLessThanOrEqual(max as number);
      expect(new Set(c.vulnerability_indicators).size).toBe(n);
      for (const label of c.vulnerability_indicators) expect(offered.has(label)).toBe(true);
    }
    const levels = new Set(batch.cases.map((c) => c.vulnerability));
    expect([...levels].sort()).toEqual([0, 1, 2, 3]);
  });

  it('fills in the equality monitoring form for most new clients, with answers the form offers', () => {
    const share = batch.equality.length / batch.clients.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    const clients = new Set(batch.clients.map((c) => c.id));
    for (const row of batch.equality) {
      expect(clients.has(row.client_id)).toBe(true);
      expect(invalidEqualityAnswers(row.answers)).toEqual([]);
    }
    const count = (key: EqualityQuestionKey, value: string) =>
      batch.equality.filter((r) => r.answers[key] === value).length;
    expect(count('sex', 'female')).toBeGreaterThan(count('sex', 'male'));
    expect(count('ethnicity', 'white-british') / batch.equality.length).toBeGreaterThan(0.5);
    expect(count('ethnicity', 'prefer-not-to-say')).toBeGreaterThan(0);
    expect(batch.equality.some((r) => r.answers.religion === null)).toBe(true);
    // Each form has its audit event, as the real form writes.
    const recorded = batch.events.filter((e) => e.action === 'equality_monitoring.recorded');
    expect(recorded.map((e) => e.entityId).sort()).toEqual(batch.equality.map((r) => r.client_id).sort());
  });

  it('gives every out-referral a consent and a sharing record, and in-referrals neither', () => {
    const consents = new Set(batch.consents.filter((c) => c.purpose === 'referral').map((c) => c.id));
    for (const r of batch.referrals) {
      if (r.direction === 'out') {
        expect(consents.has(r.consent_id ?? '')).toBe(true);
        expect(batch.sharingRecords.some((s) => s.referral_id === r.id)).toBe(true);
      } else expect(r.consent_id).toBeNull();
    }
    expect(batch.referrals.some((r) => r.direction === 'in')).toBe(true);
  });

  it('records an audit event for every case, note filed and key date', () => {
    const actions = groupBy(batch.events, (e) => e.action);
    expect(actions.get('case.opened')).toHaveLength(2_000);
    expect(actions.get('note.filed')?.length).toBe(
      batch.notes.filter((n) => n.status === 'filed' && !n.amends_note_id).length,
    );
    expect(actions.get('key_date.created')).toHaveLength(batch.keyDates.length);
    expect(batch.events.every((e) => e.at <= now.getTime())).toBe(true);
  });
});

describe('sizes', () => {
  it('have the issue’s shapes', () => {
    expect(SIZES.small).toMatchObject({ advisers: 1, cases: 60 });
    expect(SIZES.team).toMatchObject({ advisers: 20, cases: 10_000 });
    expect(SIZES.city).toMatchObject({ advisers: 300, cases: 150_000, openCases: 30_000 });
  });
});
