/**
 * The dashboard's reads, each one query for the whole scope (never one per case): the records
 * on the open cases (overdue actions, key dates due soon or missed, open obstacles), the cases
 * of the trend window with what their weights and outcomes need, and the goals achieved
 * recently. Every query is scoped by organisation, by whose cases (mine, one person's, some
 * teams') and by what the reader may view (caseVisibleTo).
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { Band } from '../domain/priority/levels.ts';
import type { CalendarDate } from '../domain/time/calendar.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { DB } from './schema.ts';
import type { WorklistStoreScope } from './worklist.ts';

type CasesEb = ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>;

/** Cases (aliased `c`) of the scope that the actor may view. */
export function caseInScope(actor: Actor, scope: WorklistStoreScope, now: Date) {
  return (eb: CasesEb) => {
    const whose =
      scope.kind === 'mine'
        ? eb('c.owner_id', '=', actor.id)
        : scope.kind === 'user'
          ? eb('c.owner_id', '=', scope.userId)
          : scope.teamIds.length > 0
            ? eb('c.team_id', 'in', [...scope.teamIds])
            : sql<boolean>`false`;
    return eb.and([eb('c.org_id', '=', actor.orgId), whose, caseVisibleTo(actor, now)(eb)]);
  };
}

export interface OpenCaseRecords {
  /** Open actions with a due date before today. */
  readonly overdueActions: { id: string; caseId: string; dueDate: CalendarDate }[];
  /** Pending key dates due on or before the window's end (those before today are missed). */
  readonly keyDates: { id: string; caseId: string; dueDate: CalendarDate }[];
  /** Obstacles not resolved. */
  readonly obstacles: { id: string; caseId: string; category: string }[];
}

/**
 * The records on the given cases (already filtered to the scope and to what the reader may view)
 * that the dashboard counts. Three queries, run together.
 */
export async function listOpenCaseRecords(
  db: DbOrTx,
  q: {
    readonly orgId: string;
    readonly caseIds: readonly string[];
    readonly today: CalendarDate;
    readonly keyDatesUntil: CalendarDate;
  },
): Promise<OpenCaseRecords> {
  if (q.caseIds.length === 0) return { overdueActions: [], keyDates: [], obstacles: [] };
  const ids = [...q.caseIds];
  const [actions, keyDates, obstacles] = await Promise.all([
    db
      .selectFrom('actions')
      .select(['id', 'case_id', 'due_date'])
      .where('org_id', '=', q.orgId)
      .where('case_id', 'in', ids)
      .where('status', '=', 'open')
      .where('due_date', '<', q.today)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('key_dates')
      .select(['id', 'case_id', 'due_date'])
      .where('org_id', '=', q.orgId)
      .where('case_id', 'in', ids)
      .where('status', '=', 'pending')
      .where('due_date', '<=', q.keyDatesUntil)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('obstacles')
      .select(['id', 'case_id', 'category'])
      .where('org_id', '=', q.orgId)
      .where('case_id', 'in', ids)
      .where('resolved_at', 'is', null)
      .orderBy('since')
      .orderBy('id')
      .execute(),
  ]);
  return {
    overdueActions: actions.map((a) => ({ id: a.id, caseId: a.case_id, dueDate: a.due_date ?? q.today })),
    keyDates: keyDates.map((k) => ({ id: k.id, caseId: k.case_id, dueDate: k.due_date })),
    obstacles: obstacles.map((o) => ({ id: o.id, caseId: o.case_id, category: o.category })),
  };
}

/** How a case is named wherever the dashboard links to it. */
export interface DashboardCaseInfo {
  readonly id: string;
  readonly reference: string;
  readonly status: 'open' | 'on_hold' | 'closed';
  /** The band of its latest assessment; null when never assessed. */
  readonly band: Band | null;
  readonly caseTypeId: string;
  readonly caseTypeName: string;
  readonly ownerName: string;
}

export interface TrendCaseRow extends DashboardCaseInfo {
  readonly openedAt: Date;
  readonly closedAt: Date | null;
  readonly outcomeKey: string | null;
  readonly outcomeLabel: string | null;
  readonly outcomePositive: boolean;
  /** What the case's weight is made of (as src/store/case-weights.ts reads it). */
  readonly baseWeight: number;
  readonly adjustment: number;
  readonly manualFactorIds: readonly string[];
  readonly vulnerability: number;
  readonly interpreterNeeded: boolean;
  readonly safeguardingOpen: boolean;
  readonly ownerId: string;
  readonly teamId: string | null;
}

/**
 * The cases of the scope the reader may view that were open at some time since `since`: every
 * case not closed, and every case closed since then — with outcome, and what its weight needs.
 */
export async function listTrendCases(
  db: DbOrTx,
  q: { readonly actor: Actor; readonly scope: WorklistStoreScope; readonly now: Date; readonly since: Date },
): Promise<TrendCaseRow[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.id', '=', 'c.case_type_id').onRef('t.org_id', '=', 'c.org_id'),
    )
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .leftJoin('outcome_types as ot', (j) =>
      j.onRef('ot.key', '=', 'c.outcome_key').onRef('ot.org_id', '=', 'c.org_id'),
    )
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.status',
      'c.priority_band',
      'c.opened_at',
      'c.closed_at',
      'c.outcome_key',
      'c.owner_id',
      'c.team_id',
      'ot.label as outcome_label',
      'ot.positive as outcome_positive',
      't.id as type_id',
      't.name as type_name',
      'o.display_name as owner_name',
      't.base_weight',
      'c.complexity_weight',
      'c.vulnerability',
      sql<boolean>`coalesce((cl.access_needs ->> 'interpreter')::boolean, false)`.as('interpreter'),
      eb
        .exists(
          eb
            .selectFrom('case_flags as f')
            .select(sql<number>`1`.as('one'))
            .whereRef('f.org_id', '=', 'c.org_id')
            .whereRef('f.case_id', '=', 'c.id')
            .where('f.kind', '=', 'safeguarding')
            .where('f.resolved_at', 'is', null),
        )
        .as('safeguarding'),
      sql<string[]>`coalesce((SELECT array_agg(x.factor_id::text ORDER BY x.factor_id)
        FROM case_complexity_factors x WHERE x.org_id = c.org_id AND x.case_id = c.id), '{}')`.as('manual'),
    ])
    .where(caseInScope(q.actor, q.scope, q.now))
    .where((eb) =>
      eb.or([
        eb('c.status', '<>', 'closed'),
        eb('c.closed_at', 'is', null),
        eb('c.closed_at', '>=', q.since),
      ]),
    )
    .orderBy('c.reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    band: r.priority_band,
    caseTypeId: r.type_id,
    caseTypeName: r.type_name,
    ownerName: r.owner_name,
    ownerId: r.owner_id,
    teamId: r.team_id,
    openedAt: r.opened_at,
    closedAt: r.status === 'closed' ? r.closed_at : null,
    outcomeKey: r.outcome_key,
    outcomeLabel: r.outcome_label,
    outcomePositive: r.outcome_positive === true,
    baseWeight: Number(r.base_weight),
    adjustment: Number(r.complexity_weight),
    manualFactorIds: r.manual,
    vulnerability: r.vulnerability,
    interpreterNeeded: r.interpreter === true,
    safeguardingOpen: r.safeguarding === true,
  }));
}

export interface AchievedGoalRow {
  readonly id: string;
  readonly caseId: string;
  readonly status: 'achieved' | 'partly_achieved';
  readonly resultAt: Date;
  readonly case: DashboardCaseInfo;
}

/** Goals achieved or partly achieved since `since`, on cases (any status) of the scope the reader may view. */
export async function listAchievedGoals(
  db: DbOrTx,
  q: { readonly actor: Actor; readonly scope: WorklistStoreScope; readonly now: Date; readonly since: Date },
): Promise<AchievedGoalRow[]> {
  const rows = await db
    .selectFrom('goals as g')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'g.case_id').onRef('c.org_id', '=', 'g.org_id'))
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.id', '=', 'c.case_type_id').onRef('t.org_id', '=', 'c.org_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .select([
      'g.id',
      'g.case_id',
      'g.status as goal_status',
      'g.result_at',
      'c.reference',
      'c.status',
      'c.priority_band',
      't.id as type_id',
      't.name as type_name',
      'o.display_name as owner_name',
    ])
    .where('g.org_id', '=', q.actor.orgId)
    .where('g.status', 'in', ['achieved', 'partly_achieved'])
    .where('g.result_at', '>=', q.since)
    .where('g.result_at', '<=', q.now)
    .where(caseInScope(q.actor, q.scope, q.now))
    .orderBy('g.result_at', 'desc')
    .orderBy('g.id')
    .execute();
  return rows.flatMap((r) =>
    r.result_at === null
      ? []
      : [
          {
            id: r.id,
            caseId: r.case_id,
            status: r.goal_status === 'achieved' ? ('achieved' as const) : ('partly_achieved' as const),
            resultAt: r.result_at,
            case: {
              id: r.case_id,
              reference: r.reference,
              status: r.status,
              band: r.priority_band,
              caseTypeId: r.type_id,
              caseTypeName: r.type_name,
              ownerName: r.owner_name,
            },
          },
        ],
  );
}

/** The organisation's outcome list in display order (for grouping closures). */
export async function listOutcomeTypeOrder(
  db: DbOrTx,
  orgId: string,
): Promise<{ key: string; label: string; positive: boolean }[]> {
  return db
    .selectFrom('outcome_types')
    .select(['key', 'label', 'positive'])
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('label')
    .execute();
}
