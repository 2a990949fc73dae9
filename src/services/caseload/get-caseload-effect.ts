import { type CaseloadEffect, caseloadEffect } from '../../domain/caseload/effect.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { type LoadedCaseload, loadCaseload } from './load-caseload.ts';

export interface CaseloadEffectView extends Omit<LoadedCaseload, 'input'> {
  readonly effect: CaseloadEffect;
}

/**
 * The effect of priorities on a practitioner's caseload (the actor's own by default; a supervisor's
 * team member's): cases at risk of neglect, attention by band over the last 4 weeks and the forecast
 * of breaches over the next 4. The read is audited (`caseload.effect_viewed`, with the case ids).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND
 */
export async function getCaseloadEffect(
  ctx: ServiceContext,
  input: { readonly userId?: string | undefined },
): Promise<CaseloadEffectView> {
  const loaded = await loadCaseload(ctx, { userId: input.userId, withAttention: true });
  const effect = caseloadEffect(loaded.input);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'caseload.effect_viewed',
      entityType: 'user',
      entityId: loaded.practitioner.id,
      details: { caseIds: [...loaded.cases.keys()] },
    }),
  );
  return { practitioner: loaded.practitioner, today: loaded.today, cases: loaded.cases, effect };
}
