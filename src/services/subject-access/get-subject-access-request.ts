import { listSubjectAccessRequests } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  requireDataProtectionOfficer,
  requireSubjectAccessRequest,
  type SubjectAccessView,
  subjectAccessView,
} from './common.ts';

/**
 * One request of the register; the read is audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function getSubjectAccessRequest(ctx: ServiceContext, id: string): Promise<SubjectAccessView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requireSubjectAccessRequest(tx, actor, id);
    await audit(ctx, tx, {
      action: 'subject_access.viewed',
      entityType: 'subject_access_request',
      entityId: id,
      details: { clientId: row.client_id },
    });
    const { today } = await calendarOf(ctx, actor, tx);
    return subjectAccessView(row, today);
  });
}

/**
 * The register, open requests first by due date, each with its due date in words; the read is
 * audited (count only).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listSubjectAccessRegister(
  ctx: ServiceContext,
  filter: { clientId?: string | undefined; open?: boolean | undefined },
): Promise<SubjectAccessView[]> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const rows = await listSubjectAccessRequests(tx, actor.orgId, filter);
    await audit(ctx, tx, {
      action: 'subject_access.listed',
      entityType: 'subject_access_request',
      entityId: null,
      details: { count: rows.length, ...(filter.clientId ? { clientId: filter.clientId } : {}) },
    });
    const { today } = await calendarOf(ctx, actor, tx);
    return rows.map((r) => subjectAccessView(r, today));
  });
}
