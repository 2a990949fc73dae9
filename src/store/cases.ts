/** Cases and their shares. Every query is scoped by org_id. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { CaseAccessView } from '../domain/cases/case-access.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { CaseRow, CaseStatus, CasesTable } from './schema.ts';

export async function getCase(db: DbOrTx, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export async function getCaseByReference(
  db: DbOrTx,
  orgId: string,
  reference: string,
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('reference', '=', reference.toUpperCase())
    .executeTakeFirst();
}

/** Shares of a case that are not revoked (expired ones included: policies check expiry). */
export async function listCaseShares(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('case_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

/** The facts the access policies need about one case. */
export async function loadCaseAccessView(db: DbOrTx, row: CaseRow): Promise<CaseAccessView> {
  const shares = await listCaseShares(db, row.org_id, row.id);
  return accessViewOf(
    row,
    shares.map((s) => ({
      userId: s.user_id,
      kind: s.kind,
      expiresAt: s.expires_at,
      revokedAt: s.revoked_at,
    })),
  );
}

const accessViewOf = (row: CaseRow, shares: CaseAccessView['shares']): CaseAccessView => ({
  orgId: row.org_id,
  ownerId: row.owner_id,
  teamId: row.team_id,
  shares,
});

/** A share as the case's access view gets it from json_agg (expiry as ISO text). */
interface ShareJson {
  readonly userId: string;
  readonly kind: 'share' | 'break-glass';
  readonly expiresAt: string | null;
}

/**
 * One case with the facts the access policies need (its shares that are not revoked), in one
 * query: what `getCase` and `loadCaseAccessView` give together.
 */
export async function getCaseWithAccess(
  db: DbOrTx,
  orgId: string,
  caseId: string,
): Promise<{ row: CaseRow; access: CaseAccessView } | undefined> {
  const found = await db
    .selectFrom('cases as c')
    .selectAll('c')
    .select(
      sql<ShareJson[]>`(SELECT coalesce(json_agg(json_build_object(
          'userId', s.user_id, 'kind', s.kind, 'expiresAt', s.expires_at) ORDER BY s.granted_at), '[]')
        FROM case_shares s WHERE s.org_id = c.org_id AND s.case_id = c.id AND s.revoked_at IS NULL)`.as(
        'access_shares',
      ),
    )
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!found) return undefined;
  const { access_shares, ...row } = found;
  const shares = access_shares.map((s) => ({
    userId: s.userId,
    kind: s.kind,
    expiresAt: s.expiresAt === null ? null : new Date(s.expiresAt),
    revokedAt: null,
  }));
  return { row, access: accessViewOf(row, shares) };
}

/**
 * Takes the next case number of the organisation for `year`. The counter row is locked until the
 * transaction ends, so concurrent openings get distinct numbers; a rolled-back opening gives its
 * number back. A committed reference is never reused because cases are never deleted (erasure
 * keeps the reference in a tombstone).
 */
export async function nextCaseNumber(db: DbOrTx, orgId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('case_reference_counters')
    .values({ org_id: orgId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb('case_reference_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

type CaseInsert = Insertable<CasesTable>;
type CaseUpdate = Updateable<CasesTable>;

export async function insertCaseRow(db: DbOrTx, values: CaseInsert): Promise<CaseRow> {
  return db.insertInto('cases').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Locks a case row for the rest of the transaction (concurrent changes queue behind it). */
export async function lockCase(tx: DbOrTx, orgId: string, caseId: string): Promise<void> {
  await tx
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCaseRow(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  values: Omit<CaseUpdate, 'id' | 'org_id' | 'reference' | 'search'>,
): Promise<CaseRow> {
  return db
    .updateTable('cases')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What a case page shows around the case row: client summary, type, owner and team. */
export async function getCaseHeader(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .innerJoin('case_types as ct', (j) =>
      j.onRef('ct.id', '=', 'c.case_type_id').onRef('ct.org_id', '=', 'c.org_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'c.team_id').onRef('t.org_id', '=', 'c.org_id'))
    .leftJoin('outcome_types as ot', (j) =>
      j.onRef('ot.key', '=', 'c.outcome_key').onRef('ot.org_id', '=', 'c.org_id'),
    )
    .select([
      'cl.id as client_id',
      'cl.legal_name',
      'cl.preferred_name',
      'cl.pronouns',
      'cl.safe_contact',
      'cl.access_needs',
      'ct.id as type_id',
      'ct.key as type_key',
      'ct.name as type_name',
      'o.display_name as owner_name',
      't.name as team_name',
      'ot.label as outcome_label',
      'ot.positive as outcome_positive',
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
}
export type CaseHeader = Awaited<ReturnType<typeof getCaseHeader>>;

export type CaseListScope = 'mine' | 'team' | 'shared';

export interface VisibleCasesQuery {
  readonly actor: Actor;
  readonly scope: CaseListScope;
  readonly status: CaseStatus | 'all';
  readonly now: Date;
  readonly limit: number;
}

/**
 * The cases the actor may view (caseVisibleTo: the SQL form of canViewCase), narrowed by scope —
 * `mine`: owned; `team`: of the actor's teams; `shared`: through a live share — and status,
 * longest without attention first.
 */
export async function listVisibleCases(db: DbOrTx, q: VisibleCasesQuery) {
  const { actor } = q;
  if (q.scope === 'team' && actor.teamIds.length === 0) return [];
  const liveShareCaseIds = db
    .selectFrom('case_shares as s')
    .select('s.case_id')
    .where('s.org_id', '=', actor.orgId)
    .where('s.user_id', '=', actor.id)
    .where('s.revoked_at', 'is', null)
    .where((w) => w.or([w('s.expires_at', 'is', null), w('s.expires_at', '>', q.now)]));
  let query = db
    .selectFrom('cases as c')
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .innerJoin('case_types as ct', (j) =>
      j.onRef('ct.id', '=', 'c.case_type_id').onRef('ct.org_id', '=', 'c.org_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'c.team_id').onRef('t.org_id', '=', 'c.org_id'))
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.status',
      'c.owner_id',
      'c.team_id',
      'c.opened_at',
      'c.last_attention_at',
      'cl.id as client_id',
      'cl.legal_name',
      'cl.preferred_name',
      'ct.id as type_id',
      'ct.key as type_key',
      'ct.name as type_name',
      'o.display_name as owner_name',
      't.name as team_name',
      eb
        .selectFrom('case_flags as f')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('f.org_id', '=', 'c.org_id')
        .whereRef('f.case_id', '=', 'c.id')
        .where('f.resolved_at', 'is', null)
        .as('open_flags'),
    ])
    .where('c.org_id', '=', actor.orgId)
    .where(caseVisibleTo(actor, q.now));
  if (q.scope === 'mine') query = query.where('c.owner_id', '=', actor.id);
  if (q.scope === 'shared') query = query.where('c.id', 'in', liveShareCaseIds);
  if (q.scope === 'team') query = query.where('c.team_id', 'in', [...actor.teamIds]);
  if (q.status !== 'all') query = query.where('c.status', '=', q.status);
  return query.orderBy('c.last_attention_at').orderBy('c.reference').limit(q.limit).execute();
}
export type VisibleCaseRow = Awaited<ReturnType<typeof listVisibleCases>>[number];
