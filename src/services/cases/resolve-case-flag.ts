import { AppError } from '../../domain/errors.ts';
import {
  type CaseFlagWithNames,
  getCaseFlag,
  resolveCaseFlag as resolveFlagRow,
} from '../../store/case-flags.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { loadCase } from './load-case.ts';

/**
 * Resolves a flag with a note of how (the owner or a supervisor of the case's team: a concern is
 * closed by someone responsible for the case). The flag stays on the case, resolved.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, FLAG_NOT_FOUND, CONFLICT (resolved already)
 */
export async function resolveCaseFlag(
  ctx: ServiceContext,
  caseId: string,
  flagId: string,
  resolution: string,
): Promise<CaseFlagWithNames> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, caseId, 'manage', tx);
    const flag = await getCaseFlag(tx, row.org_id, row.id, flagId);
    if (!flag) throw new AppError('FLAG_NOT_FOUND');
    const resolved = await resolveFlagRow(tx, {
      orgId: row.org_id,
      caseId: row.id,
      flagId,
      resolvedBy: actor.id,
      resolvedAt: ctx.clock.now(),
      resolution,
    });
    if (!resolved) throw new AppError('CONFLICT', 'This flag is resolved already.');
    await audit(ctx, tx, {
      action: 'case.flag_resolved',
      entityType: 'case',
      entityId: row.id,
      details: { flagId, kind: flag.kind },
    });
    await reassessCases(ctx, tx, { orgId: row.org_id, caseIds: [row.id], trigger: 'flag' });
    const after = await getCaseFlag(tx, row.org_id, row.id, flagId);
    if (!after) throw new AppError('FLAG_NOT_FOUND');
    return after;
  });
}
