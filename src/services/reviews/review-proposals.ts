/**
 * The cases a review of one practitioner should discuss, from their open and on-hold cases that
 * the reader may view, measured as the worklist measures them today, with the practitioner's load
 * (every case they hold) against their capacity. Reads only; the caller checks access and audits.
 */
import { DEFAULT_STALLED_AFTER_DAYS } from '../../domain/caseload/stalled.ts';
import { candidateOf } from '../../domain/reviews/candidates.ts';
import { proposeCases, type ReviewProposal } from '../../domain/reviews/proposals.ts';
import { type CapacityStatus, capacityStatus } from '../../domain/weighting/capacity.ts';
import { roundWeight } from '../../domain/weighting/case-weight.ts';
import { type WorklistSettings, worklistRowOf } from '../../domain/worklist/worklist-row.ts';
import { getCaseloadSettings } from '../../store/caseload-settings.ts';
import type { DbOrTx } from '../../store/db.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { getUser } from '../../store/users.ts';
import { listWorklistCases } from '../../store/worklist.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { capacityOfUser, loadWeightedCases } from '../weighting/case-weights.ts';

export interface ReviewProposals {
  readonly today: string;
  readonly stalledAfterDays: number;
  readonly capacity: CapacityStatus | null;
  readonly proposals: readonly ReviewProposal[];
}

/** What a review of `practitionerId` proposes today, for the actor of `ctx`. */
export async function proposalsFor(
  ctx: ServiceContext,
  db: DbOrTx,
  practitionerId: string,
): Promise<ReviewProposals> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const [calendar, timescales, settings, cases, weighted, user] = await Promise.all([
    organisationCalendar(db, actor.orgId, now),
    listServiceTimescales(db, actor.orgId),
    getCaseloadSettings(db, actor.orgId),
    listWorklistCases(db, { actor, scope: { kind: 'user', userId: practitionerId }, now }),
    loadWeightedCases(db, { actor, now, ownerIds: [practitionerId] }),
    getUser(db, actor.orgId, practitionerId),
  ]);
  const worklistSettings: WorklistSettings = { ...calendar, timescales };
  const weights = new Map(weighted.map((w) => [w.caseId, w.weight.weight]));
  const load = roundWeight(weighted.reduce((t, w) => t + w.weight.weight, 0));
  const capacity = user ? capacityStatus(load, capacityOfUser(user)) : null;
  const stalledAfterDays = settings?.stalledAfterDays ?? DEFAULT_STALLED_AFTER_DAYS;
  const candidates = cases.map((c) =>
    candidateOf(worklistRowOf(c, worklistSettings), worklistSettings, weights.get(c.id) ?? null),
  );
  return {
    today: calendar.today,
    stalledAfterDays,
    capacity,
    proposals: proposeCases(candidates, { today: calendar.today, stalledAfterDays, capacity }),
  };
}
