import { listActionViews } from '../../store/actions.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { type ActionResult, organisationTimeZone, withOverdue } from './action-view.ts';

/**
 * The actions of a case, each marked overdue when open and due before today in the
 * organisation's time zone. The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listActions(ctx: ServiceContext, caseId: string): Promise<ActionResult[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const [actions, timeZone] = await Promise.all([
    listActionViews(ctx.db, row.org_id, row.id),
    organisationTimeZone(ctx.db, row.org_id),
  ]);
  await auditRead(ctx, { action: 'actions.listed', entityType: 'case', entityId: row.id });
  return actions.map((a) => withOverdue(ctx, a, timeZone));
}
