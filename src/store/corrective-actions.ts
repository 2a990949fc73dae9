/**
 * Corrective actions raised by file reviews. Lists filter in SQL: the actor's own (assigned to
 * them) and those of reviews of cases in teams they supervise — only ever of cases they may view.
 */
import type { Actor } from '../domain/access/actor.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';

function actionsQuery(db: DbOrTx) {
  return db
    .selectFrom('corrective_actions as a')
    .innerJoin('file_reviews as r', (j) =>
      j.onRef('r.id', '=', 'a.file_review_id').onRef('r.org_id', '=', 'a.org_id'),
    )
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'r.case_id').onRef('c.org_id', '=', 'r.org_id'))
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'a.assigned_to').onRef('u.org_id', '=', 'a.org_id'))
    .innerJoin('users as cb', (j) =>
      j.onRef('cb.id', '=', 'a.created_by').onRef('cb.org_id', '=', 'a.org_id'),
    )
    .leftJoin('users as vb', (j) =>
      j.onRef('vb.id', '=', 'a.verified_by').onRef('vb.org_id', '=', 'a.org_id'),
    )
    .leftJoin('file_review_items as i', (j) =>
      j.onRef('i.id', '=', 'a.item_id').onRef('i.org_id', '=', 'a.org_id'),
    )
    .select([
      'a.id',
      'a.org_id',
      'a.file_review_id',
      'a.item_id',
      'a.description',
      'a.assigned_to',
      'a.due_on',
      'a.done_at',
      'a.done_note',
      'a.verified_by',
      'a.verified_at',
      'a.verification_note',
      'a.created_by',
      'a.created_at',
      'u.display_name as assignee_name',
      'cb.display_name as created_by_name',
      'vb.display_name as verified_by_name',
      'i.label as item_label',
      'r.case_id',
      'r.period',
      'r.practitioner_id',
      'c.reference',
      'c.team_id',
      'c.owner_id',
    ]);
}

export type CorrectiveActionRow = NonNullable<Awaited<ReturnType<typeof getCorrectiveAction>>>;

/** One action with its review's case (optionally locked). */
export async function getCorrectiveAction(
  db: DbOrTx,
  orgId: string,
  id: string,
  options: { lock?: boolean } = {},
) {
  let q = actionsQuery(db).where('a.org_id', '=', orgId).where('a.id', '=', id);
  if (options.lock) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

/** The actions of some reviews, oldest first. */
export async function listActionsOfReviews(db: DbOrTx, orgId: string, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return [];
  return actionsQuery(db)
    .where('a.org_id', '=', orgId)
    .where('a.file_review_id', 'in', [...reviewIds])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/** The actions the actor may see: assigned to them, or of cases in teams they supervise; earliest due first. */
export async function listVisibleCorrectiveActions(db: DbOrTx, q: { actor: Actor; now: Date }) {
  const { actor } = q;
  const teams = actor.roles.includes('supervisor') ? [...actor.supervisedTeamIds] : [];
  return actionsQuery(db)
    .where('a.org_id', '=', actor.orgId)
    .where((eb) =>
      eb.and([
        caseVisibleTo(actor, q.now)(eb as never),
        eb.or([
          eb('a.assigned_to', '=', actor.id),
          ...(teams.length > 0 ? [eb('c.team_id', 'in', teams)] : []),
        ]),
      ]),
    )
    .orderBy('a.due_on')
    .orderBy('c.reference')
    .orderBy('a.id')
    .execute();
}

export async function insertCorrectiveAction(
  db: DbOrTx,
  v: {
    orgId: string;
    fileReviewId: string;
    itemId: string | null;
    description: string;
    assignedTo: string;
    dueOn: string;
    createdBy: string;
    createdAt: Date;
  },
) {
  return db
    .insertInto('corrective_actions')
    .values({
      org_id: v.orgId,
      file_review_id: v.fileReviewId,
      item_id: v.itemId,
      description: v.description,
      assigned_to: v.assignedTo,
      due_on: v.dueOn,
      done_at: null,
      done_note: null,
      verified_by: null,
      verified_at: null,
      verification_note: null,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function markCorrectiveActionDone(
  db: DbOrTx,
  orgId: string,
  id: string,
  v: { at: Date; note: string },
): Promise<void> {
  await db
    .updateTable('corrective_actions')
    .set({ done_at: v.at, done_note: v.note })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .execute();
}

export async function markCorrectiveActionVerified(
  db: DbOrTx,
  orgId: string,
  id: string,
  v: { by: string; at: Date; note: string },
): Promise<void> {
  await db
    .updateTable('corrective_actions')
    .set({ verified_by: v.by, verified_at: v.at, verification_note: v.note })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('done_at', 'is not', null)
    .where('verified_at', 'is', null)
    .execute();
}
