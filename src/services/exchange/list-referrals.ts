import { listCaseReferrals, type ReferralWithNames } from '../../store/referrals.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The referrals out and in of a case, latest first. The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listReferrals(ctx: ServiceContext, caseId: string): Promise<ReferralWithNames[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const referrals = await listCaseReferrals(ctx.db, row.org_id, row.id);
  await auditRead(ctx, {
    action: 'referrals.listed',
    entityType: 'case',
    entityId: row.id,
    details: { count: referrals.length },
  });
  return referrals;
}
