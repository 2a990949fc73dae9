/**
 * The one way services reach a case: load it in the actor's organisation, apply the access policy
 * for what is about to happen, and audit reads. A case the actor may not see answers CASE_NOT_FOUND,
 * exactly like a case that does not exist, so ids of other teams' cases reveal nothing.
 */
import {
  type CaseAccessView,
  canContributeToCase,
  canManageCase,
  canViewCase,
} from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { getCaseWithAccess } from '../../store/cases.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { CaseRow } from '../../store/schema.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';

export type CaseNeed = 'view' | 'contribute' | 'manage';

export interface LoadedCase {
  readonly row: CaseRow;
  readonly access: CaseAccessView;
}

/**
 * Loads a case for `need`. Without view access: CASE_NOT_FOUND. With view access but not the
 * needed one: FORBIDDEN (audited as a denial).
 * @param db a transaction when the caller goes on to write
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN
 */
export async function loadCase(
  ctx: ServiceContext,
  caseId: string,
  need: CaseNeed,
  db: DbOrTx = ctx.db,
): Promise<LoadedCase> {
  const actor = requireActor(ctx);
  const found = await getCaseWithAccess(db, actor.orgId, caseId);
  if (!found) throw new AppError('CASE_NOT_FOUND');
  const { row, access } = found;
  const now = ctx.clock.now();
  if (!canViewCase(actor, access, now)) throw new AppError('CASE_NOT_FOUND');
  const allowed =
    need === 'view' ||
    (need === 'contribute' && canContributeToCase(actor, access, now)) ||
    (need === 'manage' && canManageCase(actor, access));
  if (!allowed) {
    await recordDenial(ctx, `case.${need}`, { entityType: 'case', entityId: row.id });
    throw new AppError('FORBIDDEN');
  }
  return { row, access };
}

/**
 * Audits that the actor read case data (the case itself, its notes, a client…). Reads have no
 * transaction of their own, so the event is written in one.
 */
export async function auditRead(
  ctx: ServiceContext,
  event: { action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  await inTransaction(ctx, (tx) => audit(ctx, tx, event));
}
