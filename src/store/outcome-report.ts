/**
 * The facts of the outcome report, each read in one query over the cases of a scope that the
 * reader may see (caseVisibleTo): closures, financial outcomes, goal results and referrals out in
 * a period. The domain (src/domain/outcomes/outcome-report.ts) rolls them up.
 */
import type { Actor } from '../domain/access/actor.ts';
import type { FinancialFrequency } from '../domain/outcomes/money.ts';
import type { FinancialKind, GoalResult } from '../domain/outcomes/outcome-report.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { WorklistStoreScope } from './worklist.ts';

export interface OutcomeReportQuery {
  readonly actor: Actor;
  readonly scope: WorklistStoreScope;
  readonly now: Date;
  /** The period: instants [start, end) and the same days as dates (for date columns). */
  readonly start: Date;
  readonly end: Date;
  readonly fromDate: string;
  readonly toDate: string;
}

/** The ids of the cases of the scope the actor may see, as a subquery. */
function scopedCaseIds(db: DbOrTx, q: OutcomeReportQuery) {
  let query = db.selectFrom('cases as c').select('c.id').where(caseVisibleTo(q.actor, q.now));
  if (q.scope.kind === 'mine') query = query.where('c.owner_id', '=', q.actor.id);
  if (q.scope.kind === 'user') query = query.where('c.owner_id', '=', q.scope.userId);
  if (q.scope.kind === 'team') query = query.where('c.team_id', 'in', [...q.scope.teamIds]);
  return query;
}

export interface OutcomeReportRows {
  readonly closed: readonly { caseId: string; outcomeKey: string | null }[];
  readonly financial: readonly {
    caseId: string;
    kind: FinancialKind;
    amountPence: number;
    frequency: FinancialFrequency;
  }[];
  readonly goals: readonly { caseId: string; result: GoalResult }[];
  readonly referralsOut: readonly { caseId: string; status: string }[];
}

export async function loadOutcomeReportRows(db: DbOrTx, q: OutcomeReportQuery): Promise<OutcomeReportRows> {
  if (q.scope.kind === 'team' && q.scope.teamIds.length === 0) {
    return { closed: [], financial: [], goals: [], referralsOut: [] };
  }
  const orgId = q.actor.orgId;
  const [closed, financial, goals, referralsOut] = await Promise.all([
    db
      .selectFrom('cases')
      .select(['id', 'outcome_key'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'closed')
      .where('closed_at', '>=', q.start)
      .where('closed_at', '<', q.end)
      .where('id', 'in', scopedCaseIds(db, q))
      .execute(),
    db
      .selectFrom('financial_outcomes')
      .select(['case_id', 'kind', 'amount_pence', 'frequency'])
      .where('org_id', '=', orgId)
      .where('recorded_at', '>=', q.start)
      .where('recorded_at', '<', q.end)
      .where('case_id', 'in', scopedCaseIds(db, q))
      .execute(),
    db
      .selectFrom('goals')
      .select(['case_id', 'status'])
      .where('org_id', '=', orgId)
      .where('status', 'in', ['achieved', 'partly_achieved', 'not_achieved', 'withdrawn'])
      .where('result_at', '>=', q.start)
      .where('result_at', '<', q.end)
      .where('case_id', 'in', scopedCaseIds(db, q))
      .execute(),
    db
      .selectFrom('referrals')
      .select(['case_id', 'status'])
      .where('org_id', '=', orgId)
      .where('direction', '=', 'out')
      .where('referred_on', '>=', q.fromDate)
      .where('referred_on', '<=', q.toDate)
      .where('case_id', 'in', scopedCaseIds(db, q))
      .execute(),
  ]);
  return {
    closed: closed.map((c) => ({ caseId: c.id, outcomeKey: c.outcome_key })),
    financial: financial.map((f) => ({
      caseId: f.case_id,
      kind: f.kind,
      amountPence: Number(f.amount_pence),
      frequency: f.frequency,
    })),
    goals: goals.map((g) => ({ caseId: g.case_id, result: g.status as GoalResult })),
    referralsOut: referralsOut.map((r) => ({ caseId: r.case_id, status: r.status })),
  };
}
