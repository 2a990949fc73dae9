/** Shared steps of the key-date use cases. */
import { AppError } from '../../domain/errors.ts';
import type { Tx } from '../../store/db.ts';
import { getKeyDateForUpdate, type KeyDateRow } from '../../store/key-dates.ts';
import { loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * Locks a key date and checks that the actor may contribute to its case. A key date of a case the
 * actor may not see is not found.
 * @throws AppError KEY_DATE_NOT_FOUND, FORBIDDEN
 */
export async function loadKeyDateForChange(
  ctx: ServiceContext,
  tx: Tx,
  keyDateId: string,
): Promise<KeyDateRow> {
  const actor = requireActor(ctx);
  const keyDate = await getKeyDateForUpdate(tx, actor.orgId, keyDateId);
  if (!keyDate) throw new AppError('KEY_DATE_NOT_FOUND');
  try {
    await loadCase(ctx, keyDate.case_id, 'contribute', tx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND')
      throw new AppError('KEY_DATE_NOT_FOUND');
    throw error;
  }
  return keyDate;
}
