import type { Colleague } from '../../store/colleagues.ts';
import { listActiveColleagues } from '../../store/colleagues.ts';
import { loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * The people one may inform about a case (for the "Inform colleagues" form): the active users of
 * the organisation, without the actor, for anyone who may view the case. Names and teams only, no
 * case data, so the read is not audited beyond the case access check.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listCaseColleagues(ctx: ServiceContext, caseId: string): Promise<Colleague[]> {
  const actor = requireActor(ctx);
  const { row } = await loadCase(ctx, caseId, 'view');
  const all = await listActiveColleagues(ctx.db, row.org_id);
  return all.filter((c) => c.id !== actor.id);
}
