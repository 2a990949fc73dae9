import { type CaseShareView, isLiveShare } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { type CaseShareWithNames, getCaseShare, insertCaseShare } from '../../store/case-shares.ts';
import { loadActor } from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { loadCase } from './load-case.ts';

export interface ShareCaseInput {
  readonly userId: string;
  readonly reason: string;
  /** ISO date-time; the share lasts until revoked when absent. */
  readonly expiresAt?: string | undefined;
}

/**
 * Shares a case with a colleague (the owner or a supervisor of the team may), with a reason and
 * an optional expiry: they may then view it and contribute to it, until it expires or is revoked.
 * The colleague is notified in the app.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND (userId),
 *   VALIDATION_FAILED (userId, expiresAt), CONFLICT (userId: a live share exists)
 */
export async function shareCase(
  ctx: ServiceContext,
  caseId: string,
  input: ShareCaseInput,
): Promise<CaseShareWithNames> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw AppError.field('expiresAt', 'Choose an expiry in the future, or leave it out.');
  }
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadCase(ctx, caseId, 'manage', tx);
    const colleague = await loadActor(tx, row.org_id, input.userId);
    if (!colleague) {
      throw AppError.field(
        'userId',
        'There is no active person with this id in your organisation.',
        'USER_NOT_FOUND',
      );
    }
    if (colleague.id === row.owner_id) throw AppError.field('userId', 'This person owns the case already.');
    const live = (s: CaseShareView) => s.userId === colleague.id && s.kind === 'share' && isLiveShare(s, now);
    if (access.shares.some(live)) {
      throw AppError.field(
        'userId',
        'The case is shared with this person already; revoke that share first to change it.',
        'CONFLICT',
      );
    }
    const shareId = await insertCaseShare(tx, {
      orgId: row.org_id,
      caseId: row.id,
      userId: colleague.id,
      kind: 'share',
      reason: input.reason,
      expiresAt,
      grantedBy: actor.id,
      grantedAt: now,
    });
    await audit(ctx, tx, {
      action: 'case.shared',
      entityType: 'case',
      entityId: row.id,
      details: { shareId, userId: colleague.id, expiresAt: expiresAt?.toISOString() ?? null },
    });
    await notifyUsers(ctx, tx, {
      recipients: [colleague.id],
      kind: 'case-shared',
      caseId: row.id,
      message: `Case ${row.reference} has been shared with you${expiresAt ? ` until ${expiresAt.toISOString()}` : ''}.`,
    });
    const share = await getCaseShare(tx, row.org_id, row.id, shareId);
    if (!share) throw new AppError('SHARE_NOT_FOUND');
    return share;
  });
}
