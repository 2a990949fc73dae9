import { AppError } from '../../domain/errors.ts';
import {
  canMoveReferral,
  nextReferralStatuses,
  type ReferralStatus,
} from '../../domain/exchange/referrals.ts';
import {
  getReferralForUpdate,
  getReferralWithNames,
  type ReferralPatch,
  type ReferralWithNames,
  updateReferral as updateRow,
} from '../../store/referrals.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadCaseOfRecord } from './case-of-record.ts';

export interface UpdateReferralInput {
  readonly status?: ReferralStatus | undefined;
  /** null or '' clears it. */
  readonly outcome?: string | null | undefined;
}

/**
 * Moves a referral on (made or received → accepted or declined → completed, or withdrawn) and/or
 * records what came of it. Anyone who may add to the case may. Audited with the fields and the
 * statuses, not the outcome's text.
 * @throws AppError UNAUTHENTICATED, REFERRAL_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE (status)
 */
export async function updateReferral(
  ctx: ServiceContext,
  referralId: string,
  input: UpdateReferralInput,
): Promise<ReferralWithNames> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const current = await getReferralForUpdate(tx, actor.orgId, referralId);
    if (!current) throw new AppError('REFERRAL_NOT_FOUND');
    await loadCaseOfRecord(ctx, current.case_id, 'contribute', tx, 'REFERRAL_NOT_FOUND');
    const patch: ReferralPatch = {};
    const fields: string[] = [];
    if (input.status !== undefined && input.status !== current.status) {
      if (!canMoveReferral(current.status, input.status)) {
        const next = nextReferralStatuses(current.status);
        throw AppError.field(
          'status',
          next.length > 0
            ? `A referral that is ${current.status} can become ${next.join(', ')}; not ${input.status}.`
            : `A referral that is ${current.status} does not change status any more.`,
          'INVALID_STATUS_CHANGE',
        );
      }
      patch.status = input.status;
      fields.push('status');
    }
    const outcome = input.outcome === undefined ? current.outcome : input.outcome?.trim() || null;
    if (outcome !== current.outcome) {
      patch.outcome = outcome;
      fields.push('outcome');
    }
    if (fields.length > 0) {
      await updateRow(tx, actor.orgId, current.id, patch, ctx.clock.now());
      await audit(ctx, tx, {
        action: 'referral.updated',
        entityType: 'referral',
        entityId: current.id,
        details: {
          caseId: current.case_id,
          fields,
          ...(patch.status ? { from: current.status, to: patch.status } : {}),
        },
      });
    }
    const updated = await getReferralWithNames(tx, actor.orgId, current.id);
    if (!updated) throw new AppError('REFERRAL_NOT_FOUND');
    return updated;
  });
}
