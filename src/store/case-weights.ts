/**
 * What case weights are made of, for many cases in one query: each open or on-hold case's type base
 * weight, its own adjustment, the manual complexity factors ticked on it and the facts the
 * rule-based factors read (vulnerability, interpreter needed, open safeguarding concern), plus
 * whether the reader may view the case (a practitioner's load counts every case they hold; only
 * visible ones are named). And the organisation's complexity factors.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { ComplexityFactor } from '../domain/weighting/complexity-factors.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';

export interface CaseWeightRow {
  readonly caseId: string;
  readonly reference: string;
  readonly ownerId: string;
  readonly teamId: string | null;
  readonly status: 'open' | 'on_hold';
  readonly caseTypeId: string;
  readonly baseWeight: number;
  readonly adjustment: number;
  readonly manualFactorIds: readonly string[];
  readonly vulnerability: number;
  readonly interpreterNeeded: boolean;
  readonly safeguardingOpen: boolean;
  /** Whether the reader may view the case (its reference is shown only then). */
  readonly visible: boolean;
}

export interface CaseWeightScope {
  readonly actor: Actor;
  readonly now: Date;
  /** Cases held by these practitioners… */
  readonly ownerIds?: readonly string[];
  /** …or exactly these cases. */
  readonly caseIds?: readonly string[];
}

/** The facts of the organisation's cases that weights are made of, with the reader's visibility. */
function caseWeightQuery(db: DbOrTx, actor: Actor, now: Date) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.id', '=', 'c.case_type_id').onRef('t.org_id', '=', 'c.org_id'),
    )
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.owner_id',
      'c.team_id',
      'c.status',
      'c.case_type_id',
      't.name as type_name',
      't.base_weight',
      'c.complexity_weight',
      'c.vulnerability',
      // A spoken-language or a British Sign Language interpreter: either makes the work heavier.
      sql<boolean>`(coalesce((cl.access_needs ->> 'interpreter')::boolean, false)
        OR coalesce((cl.access_needs ->> 'bsl')::boolean, false))`.as('interpreter'),
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
      caseVisibleTo(actor, now)(eb as never).as('visible'),
    ])
    .where('c.org_id', '=', actor.orgId);
}

type CaseWeightQueryRow = Awaited<ReturnType<ReturnType<typeof caseWeightQuery>['execute']>>[number];

const toRow = (r: CaseWeightQueryRow) => ({
  caseId: r.id,
  reference: r.reference,
  ownerId: r.owner_id,
  teamId: r.team_id,
  caseTypeId: r.case_type_id,
  baseWeight: Number(r.base_weight),
  adjustment: Number(r.complexity_weight),
  manualFactorIds: r.manual,
  vulnerability: r.vulnerability,
  interpreterNeeded: r.interpreter,
  safeguardingOpen: r.safeguarding === true,
  visible: r.visible === true,
});

/** Open and on-hold cases of the owners (or the ids given), ordered by owner and reference. */
export async function listCaseWeightRows(db: DbOrTx, scope: CaseWeightScope): Promise<CaseWeightRow[]> {
  if ((scope.ownerIds?.length ?? 0) === 0 && (scope.caseIds?.length ?? 0) === 0) return [];
  let q = caseWeightQuery(db, scope.actor, scope.now).where('c.status', '<>', 'closed');
  if (scope.ownerIds && scope.ownerIds.length > 0) q = q.where('c.owner_id', 'in', [...scope.ownerIds]);
  if (scope.caseIds && scope.caseIds.length > 0) q = q.where('c.id', 'in', [...scope.caseIds]);
  const rows = await q.orderBy('c.owner_id').orderBy('c.reference').execute();
  return rows.map((r) => ({ ...toRow(r), status: r.status as 'open' | 'on_hold' }));
}

/** One case's weight facts whatever its status (a closed case has a weight too; it counts in no load). */
export interface CaseWeightFacts extends Omit<CaseWeightRow, 'status'> {
  readonly status: 'open' | 'on_hold' | 'closed';
  readonly caseTypeName: string;
}

/** The weight facts of one case of the organisation, or undefined. The caller has checked access. */
export async function getCaseWeightFacts(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  caseId: string,
): Promise<CaseWeightFacts | undefined> {
  const r = await caseWeightQuery(db, actor, now).where('c.id', '=', caseId).executeTakeFirst();
  return r ? { ...toRow(r), status: r.status, caseTypeName: r.type_name } : undefined;
}

/** The organisation's complexity factors in display order (inactive ones included, flagged). */
export async function listComplexityFactors(db: DbOrTx, orgId: string): Promise<ComplexityFactor[]> {
  const rows = await db
    .selectFrom('complexity_factors')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('label')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: r.label,
    multiplier: Number(r.multiplier),
    appliesWhen: r.applies_when,
    active: r.active,
  }));
}
