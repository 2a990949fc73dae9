import { AppError, type ErrorCode } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import { type CaseNeed, type LoadedCase, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Loads the case a record (referral, handover…) belongs to for `need`. A record of a case the
 * actor may not see answers the record's own not-found code, exactly like one that does not exist.
 * @throws AppError `notFound`, FORBIDDEN
 */
export async function loadCaseOfRecord(
  ctx: ServiceContext,
  caseId: string,
  need: CaseNeed,
  db: DbOrTx,
  notFound: ErrorCode,
): Promise<LoadedCase> {
  try {
    return await loadCase(ctx, caseId, need, db);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw new AppError(notFound);
    throw error;
  }
}
