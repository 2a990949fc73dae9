/**
 * The SQL form of the case access policies (src/domain/cases/case-access.ts), for queries that
 * must return only what the reader may see: lists and search filter in the database, never after.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { DbOrTx } from './db.ts';
import type { DB } from './schema.ts';

type CasesEb = ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>;

const supervisedTeams = (actor: Actor) =>
  actor.roles.includes('supervisor') ? [...actor.supervisedTeamIds] : [];

/** Cases (aliased `c`) the actor may view: owner, supervisor of the team, or a live share. */
export function caseVisibleTo(actor: Actor, now: Date) {
  return (eb: CasesEb) => {
    const teams = supervisedTeams(actor);
    return eb.and([
      eb('c.org_id', '=', actor.orgId),
      eb.or([
        eb('c.owner_id', '=', actor.id),
        ...(teams.length > 0 ? [eb('c.team_id', 'in', teams)] : []),
        eb.exists(
          eb
            .selectFrom('case_shares as s')
            .select(sql<number>`1`.as('one'))
            .whereRef('s.org_id', '=', 'c.org_id')
            .whereRef('s.case_id', '=', 'c.id')
            .where('s.user_id', '=', actor.id)
            .where('s.revoked_at', 'is', null)
            .where((w) => w.or([w('s.expires_at', 'is', null), w('s.expires_at', '>', now)])),
        ),
      ]),
    ]);
  };
}

/** For notes (aliased `n`) of visible cases (aliased `c`): whether the content may be read. */
export function noteContentReadableBy(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { c: DB['cases']; n: DB['notes'] }, 'c' | 'n'>) => {
    const teams = supervisedTeams(actor);
    return eb.or([
      eb('n.sensitivity', '=', 'normal'),
      eb('n.author_id', '=', actor.id),
      eb('c.owner_id', '=', actor.id),
      ...(teams.length > 0 ? [eb('c.team_id', 'in', teams)] : []),
    ]);
  };
}

/**
 * The ids of the cases the actor may view, as a union the planner can drive a query from (own
 * cases by cases_owner_idx, supervised teams' by cases_team_idx, live shares): the same rule as
 * caseVisibleTo, whose OR with EXISTS cannot use an index. Search joins notes to it so that a
 * common word is matched among the reader's cases, not among every note of the organisation.
 */
export function visibleCaseIds(db: DbOrTx, actor: Actor, now: Date) {
  const teams = supervisedTeams(actor);
  let ids = db
    .selectFrom('cases as vo')
    .select('vo.id')
    .where('vo.org_id', '=', actor.orgId)
    .where('vo.owner_id', '=', actor.id);
  if (teams.length > 0) {
    ids = ids.union(
      db
        .selectFrom('cases as vt')
        .select('vt.id')
        .where('vt.org_id', '=', actor.orgId)
        .where('vt.team_id', 'in', teams),
    );
  }
  return ids.union(
    db
      .selectFrom('case_shares as vs')
      .select('vs.case_id as id')
      .where('vs.org_id', '=', actor.orgId)
      .where('vs.user_id', '=', actor.id)
      .where('vs.revoked_at', 'is', null)
      .where((w) => w.or([w('vs.expires_at', 'is', null), w('vs.expires_at', '>', now)])),
  );
}
