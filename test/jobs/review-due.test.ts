/**
 * "Caseload review due" reminders from the tick, on a test clock: the practitioner and their team's
 * supervisors are told once per due date from a week before it; nobody is told while a review is
 * in progress, nor about someone never scheduled or reviewed; another team's supervisor never.
 */
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/tick.ts';
import { TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
/** Thursday 26 November 2026, 09:00 in London. */
const THURSDAY = new Date('2026-11-26T09:00:00Z');
const DAY = 86_400_000;

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const pat = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Pat Practitioner',
    team: { id: team.id, role: 'member' },
  });
  const neverScheduled = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    team: { id: team.id, role: 'supervisor' },
  });
  const otherSupervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    team: { id: otherTeam.id, role: 'supervisor' },
  });
  await t.db
    .insertInto('review_schedules')
    .values({ org_id: org.id, practitioner_id: pat.id, cadence_weeks: null, next_due_on: '2026-12-07' })
    .execute();
  return { org, pat, neverScheduled, supervisor, otherSupervisor };
}

const reminders = (userId: string) =>
  t.db
    .selectFrom('notifications')
    .select(['kind', 'message', 'case_id'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'review-due')
    .execute();

const noReassess = async () => ({ assessed: 0, changed: 0 });

describe('review-due reminders', () => {
  it('tells the practitioner and their supervisors once, from a week before the due date', async () => {
    const w = await world();
    const clock = new TestClock(THURSDAY);
    const deps = { db: t.db, clock, reassess: noReassess };
    // Mon 7 Dec is 11 days away: too early.
    expect((await runTick(deps)).reviewsDue).toBe(0);
    expect(await reminders(w.pat.id)).toEqual([]);

    clock.advance(4 * DAY); // Mon 30 Nov: 7 days to go
    const first = await runTick(deps);
    expect(first).toMatchObject({ reviewsDue: 1, failures: 0 });
    expect((await runTick(deps)).reviewsDue).toBe(0);
    const expected = [
      {
        kind: 'review-due',
        message: 'Caseload review of Pat Practitioner: due in 7 days (Mon 7 Dec).',
        case_id: null,
      },
    ];
    expect(await reminders(w.pat.id)).toEqual(expected);
    expect(await reminders(w.supervisor.id)).toEqual(expected);
    expect(await reminders(w.otherSupervisor.id)).toEqual([]);
    expect(await reminders(w.neverScheduled.id)).toEqual([]);

    // The due date passes: no second reminder for the same date.
    clock.advance(10 * DAY);
    expect((await runTick(deps)).reviewsDue).toBe(0);
    const [audited] = await t.db
      .selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'alert.review_due')
      .execute();
    expect(audited?.entity_id).toBe(w.pat.id);
    expect(audited?.details).toMatchObject({ nextDueOn: '2026-12-07', status: 'due-soon' });
  });

  it('stays quiet while a review is in progress', async () => {
    const w = await world();
    await t.db
      .insertInto('caseload_reviews')
      .values({
        org_id: w.org.id,
        practitioner_id: w.pat.id,
        supervisor_id: w.supervisor.id,
        started_at: THURSDAY,
        completed_at: null,
        snapshot: '{}',
        summary: null,
        next_review_on: null,
      })
      .execute();
    const clock = new TestClock(new Date(THURSDAY.getTime() + 5 * DAY));
    expect((await runTick({ db: t.db, clock, reassess: noReassess })).reviewsDue).toBe(0);
    expect(await reminders(w.pat.id)).toEqual([]);
  });
});
