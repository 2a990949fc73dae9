import { AppError } from '../../domain/errors.ts';
import { CAPACITY_RAG_WORDS, type CapacityStatus } from '../../domain/weighting/capacity.ts';
import type { CaseWeight } from '../../domain/weighting/case-weight.ts';
import { type ReallocationWhatIf, reallocationWhatIf } from '../../domain/weighting/reallocation.ts';
import {
  type ReallocationRefusal,
  reallocationActorRefusal,
  reallocationRefusal,
} from '../../domain/weighting/reallocation-access.ts';
import { listPractitioners, type PractitionerRow } from '../../store/capacity.ts';
import { loadActor } from '../../store/users.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { capacityOfUser, loadWeightedCases } from '../weighting/case-weights.ts';

export interface ReallocationPreview {
  readonly reference: string;
  readonly weight: CaseWeight;
  readonly whatIf: ReallocationWhatIf;
  readonly from: PractitionerRow;
  readonly to: PractitionerRow;
  readonly summary: string;
}

const POLICY = 'capacity.reallocation-what-if';

const REFUSALS: Record<ReallocationRefusal, () => AppError> = {
  'no-team': () =>
    new AppError(
      'FORBIDDEN',
      'The case has no team, so no supervisor can reassign it: give it a team first.',
    ),
  'not-supervisor': () =>
    new AppError('FORBIDDEN', 'Only a supervisor of the case’s team may try moving it to a colleague.'),
  'no-receiver': () =>
    AppError.field(
      'toUserId',
      'There is no active person with this id in your organisation: choose a colleague from the case’s team.',
      'USER_NOT_FOUND',
    ),
  'same-owner': () => AppError.field('toUserId', 'This person holds the case already: choose someone else.'),
  'cannot-hold-cases': () =>
    AppError.field('toUserId', 'Only advisers and supervisors hold cases: choose one of them.'),
  'not-in-team': () =>
    AppError.field(
      'toUserId',
      'This person is not a member of the case’s team, so the case cannot move to them: choose a teammate.',
    ),
};

const movement = (name: string, s: { before: CapacityStatus; after: CapacityStatus }) =>
  `${name} goes from ${s.before.load} to ${s.after.load} of ${s.after.capacity} points ` +
  (s.before.rag === s.after.rag
    ? `(${CAPACITY_RAG_WORDS[s.after.rag]} either way)`
    : `(${CAPACITY_RAG_WORDS[s.before.rag]} to ${CAPACITY_RAG_WORDS[s.after.rag]})`);

/**
 * What if a supervisor moved a case to a colleague: the load and capacity RAG of the case's owner
 * and of the colleague, before and after, with warnings when the colleague would go near or over
 * capacity. Only for a supervisor of the case's team (who may manage the case), and only to an
 * active adviser or supervisor of that team — whom they could reassign it to. Nothing changes;
 * the preview is audited (`capacity.reallocation_previewed`).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND (field toUserId),
 *   VALIDATION_FAILED (fields caseId, toUserId)
 */
export async function previewReallocation(
  ctx: ServiceContext,
  input: { readonly caseId: string; readonly toUserId: string },
): Promise<ReallocationPreview> {
  const actor = requireActor(ctx);
  const { row } = await loadCase(ctx, input.caseId, 'manage');
  const kase = { ownerId: row.owner_id, teamId: row.team_id };
  // The actor first: someone who may not move the case learns nothing about the receiver.
  const actorRefusal = reallocationActorRefusal(actor, kase);
  if (actorRefusal) {
    await recordDenial(ctx, POLICY, { entityType: 'case', entityId: row.id });
    throw REFUSALS[actorRefusal]();
  }
  const receiver = await loadActor(ctx.db, actor.orgId, input.toUserId);
  const refusal = reallocationRefusal(actor, kase, receiver);
  if (refusal) throw REFUSALS[refusal]();
  if (row.status === 'closed') {
    throw AppError.field('caseId', 'The case is closed, so it is on nobody’s caseload: reopen it first.');
  }
  const now = ctx.clock.now();
  const [people, weighted] = await Promise.all([
    listPractitioners(ctx.db, actor.orgId, { userIds: [row.owner_id, input.toUserId] }),
    loadWeightedCases(ctx.db, { actor, now, ownerIds: [row.owner_id, input.toUserId] }),
  ]);
  const from = people.find((p) => p.id === row.owner_id);
  const to = people.find((p) => p.id === input.toUserId);
  const moving = weighted.find((c) => c.caseId === row.id);
  if (!from || !to || !moving) throw new AppError('CASE_NOT_FOUND');
  const loadOf = (p: PractitionerRow) => ({
    userId: p.id,
    capacity: capacityOfUser(p),
    cases: weighted
      .filter((c) => c.ownerId === p.id)
      .map((c) => ({ caseId: c.caseId, weight: c.weight.weight })),
  });
  const whatIf = reallocationWhatIf(loadOf(from), loadOf(to), row.id);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'capacity.reallocation_previewed',
      entityType: 'case',
      entityId: row.id,
      details: { fromUserId: from.id, toUserId: to.id },
    }),
  );
  const summary =
    `Moving ${row.reference} (weight ${moving.weight.weight}) to ${to.displayName}: ` +
    `${movement(from.displayName, whatIf.from)}; ${movement(to.displayName, whatIf.to)}.`;
  return { reference: row.reference, weight: moving.weight, whatIf, from, to, summary };
}
