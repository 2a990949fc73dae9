import { listRectificationRequests as listRows } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { calendarOf, requireDataProtectionOfficer } from '../subject-access/common.ts';
import { type RectificationView, rectificationViews } from './rectification-view.ts';

/**
 * The rectification requests, open first by due date, with their linked changes; audited (count only).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listRectificationRequests(
  ctx: ServiceContext,
  filter: { clientId?: string | undefined; open?: boolean | undefined },
): Promise<RectificationView[]> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const rows = await listRows(tx, actor.orgId, filter);
    await audit(ctx, tx, {
      action: 'rectification.listed',
      entityType: 'rectification_request',
      entityId: null,
      details: { count: rows.length, ...(filter.clientId ? { clientId: filter.clientId } : {}) },
    });
    const { today } = await calendarOf(ctx, actor, tx);
    return rectificationViews(tx, actor.orgId, rows, today);
  });
}
