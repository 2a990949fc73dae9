import { canBreakGlass, canViewCase } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { type CaseShareWithNames, getCaseShare, insertCaseShare } from '../../store/case-shares.ts';
import { getCase, loadCaseAccessView } from '../../store/cases.ts';
import { listTeamSupervisorIds } from '../../store/teams.ts';
import { displayNamesOf } from '../../store/users.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';

/** How long a break-glass read lasts. */
export const BREAK_GLASS_HOURS = 2;

/**
 * A supervisor opens a case outside their team in an emergency: they get a `break-glass` share
 * (view only) for two hours. The reason is required and audited (`case.break_glass`), and the
 * supervisors of the case's team (or, when it has none, its owner) are notified. The case is
 * loaded directly, not through loadCase, which would answer 404 to exactly these supervisors.
 * Anyone else is told the case does not exist (and the attempt is audited as a denial).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, CONFLICT (you can see the case already)
 */
export async function breakGlass(
  ctx: ServiceContext,
  caseId: string,
  reason: string,
): Promise<CaseShareWithNames> {
  const actor = requireActor(ctx);
  const row = await getCase(ctx.db, actor.orgId, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  const access = await loadCaseAccessView(ctx.db, row);
  const now = ctx.clock.now();
  if (!canBreakGlass(actor, access)) {
    if (canViewCase(actor, access, now)) {
      throw new AppError('CONFLICT', 'You can see this case already; there is no need to break the glass.');
    }
    await recordDenial(ctx, 'case.break-glass', { entityType: 'case', entityId: row.id });
    throw new AppError('CASE_NOT_FOUND');
  }
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  return inTransaction(ctx, async (tx) => {
    const shareId = await insertCaseShare(tx, {
      orgId: row.org_id,
      caseId: row.id,
      userId: actor.id,
      kind: 'break-glass',
      reason,
      expiresAt,
      grantedBy: actor.id,
      grantedAt: now,
    });
    const supervisors = row.team_id ? await listTeamSupervisorIds(tx, row.org_id, row.team_id) : [];
    const name = (await displayNamesOf(tx, row.org_id, [actor.id])).get(actor.id) ?? 'A supervisor';
    const notified = await notifyUsers(ctx, tx, {
      recipients: supervisors.length > 0 ? supervisors : [row.owner_id],
      kind: 'break-glass',
      caseId: row.id,
      message: `${name} used break-glass access to case ${row.reference} (until ${expiresAt.toISOString()}).`,
    });
    await audit(ctx, tx, {
      action: 'case.break_glass',
      entityType: 'case',
      entityId: row.id,
      details: { shareId, reason, expiresAt: expiresAt.toISOString(), notified },
    });
    const share = await getCaseShare(tx, row.org_id, row.id, shareId);
    if (!share) throw new AppError('SHARE_NOT_FOUND');
    return share;
  });
}
