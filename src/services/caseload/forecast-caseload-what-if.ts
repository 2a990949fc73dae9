import { type CaseloadChange, caseloadWhatIf, whatIfAssumptions } from '../../domain/caseload/effect.ts';
import type { WhatIfResult } from '../../domain/caseload/what-if.ts';
import { AppError } from '../../domain/errors.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { type LoadedCaseload, loadCaseload } from './load-caseload.ts';

export interface CaseloadWhatIfView extends Omit<LoadedCaseload, 'input'> {
  readonly result: WhatIfResult;
  readonly assumptions: readonly string[];
}

/**
 * What-if on a practitioner's caseload (whose, as getCaseloadEffect): the forecast of the next 4
 * weeks again with a hypothetical case added, another weekly capacity or weeks away, and which
 * cases slip. Nothing is stored; the read is audited (`caseload.what_if_viewed`, with the case ids
 * and the names of the changes).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND, VALIDATION_FAILED (change.capacityHours
 *   for a practitioner whose capacity is 0)
 */
export async function forecastCaseloadWhatIf(
  ctx: ServiceContext,
  input: { readonly userId?: string | undefined; readonly change: CaseloadChange },
): Promise<CaseloadWhatIfView> {
  const loaded = await loadCaseload(ctx, { userId: input.userId, withAttention: false });
  const { change } = input;
  const capacity = loaded.practitioner.weeklyCapacityHours;
  if (capacity === 0 && change.capacityHours !== undefined && change.capacityHours !== 0) {
    throw AppError.field(
      'change.capacityHours',
      `${loaded.practitioner.displayName} has a weekly capacity of 0 hours; an administrator must set it before a what-if can change it.`,
    );
  }
  const result = caseloadWhatIf(loaded.input, change);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'caseload.what_if_viewed',
      entityType: 'user',
      entityId: loaded.practitioner.id,
      details: {
        caseIds: [...loaded.cases.keys()],
        changes: (['addCase', 'capacityHours', 'absentWeeks'] as const).filter(
          (k) => change[k] !== undefined,
        ),
      },
    }),
  );
  return {
    practitioner: loaded.practitioner,
    today: loaded.today,
    cases: loaded.cases,
    result,
    assumptions: whatIfAssumptions(capacity),
  };
}
