import { isLiveShare } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { insertCaseShare } from '../../store/case-shares.ts';
import {
  getCaseSpecialist,
  insertCaseSpecialist,
  isCurrentSpecialist,
} from '../../store/case-specialists.ts';
import { lockCase } from '../../store/cases.ts';
import { loadActor } from '../../store/users.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { type SpecialistView, seesCase } from './resources-view.ts';

export interface AddCaseSpecialistInput {
  readonly userId: string;
  /** What they do on the case, e.g. "debt specialist" (1–120 characters). */
  readonly role: string;
  /** Hours of their time allocated to the case. */
  readonly hours?: number | undefined;
}

/**
 * Adds a colleague as a specialist of a case (the owner or a supervisor of the team may). They
 * need to see the case, so unless a live share lets them already, the case is shared with them
 * (reason "Specialist: <role>"); removing them revokes that share. They are notified in the app.
 * The audit event holds ids only (the role is free text).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND (userId),
 *   VALIDATION_FAILED (userId: the owner), CONFLICT (userId: a current specialist already)
 */
export async function addCaseSpecialist(
  ctx: ServiceContext,
  caseId: string,
  input: AddCaseSpecialistInput,
): Promise<SpecialistView> {
  const actor = requireActor(ctx);
  const role = input.role.trim();
  if (!role) throw AppError.field('role', 'Say what the specialist does on this case.');
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const loaded = await loadCase(ctx, caseId, 'manage', tx);
    const { row, access } = loaded;
    const colleague = await loadActor(tx, row.org_id, input.userId);
    if (!colleague) {
      throw AppError.field(
        'userId',
        'There is no active person with this id in your organisation.',
        'USER_NOT_FOUND',
      );
    }
    if (colleague.id === row.owner_id) {
      throw AppError.field(
        'userId',
        'This person owns the case: choose someone who works on it beside them.',
      );
    }
    if (await isCurrentSpecialist(tx, row.org_id, row.id, colleague.id)) {
      throw AppError.field('userId', 'This person is a specialist on the case already.', 'CONFLICT');
    }
    const now = ctx.clock.now();
    const shared = access.shares.some(
      (s) => s.userId === colleague.id && s.kind === 'share' && isLiveShare(s, now),
    );
    const shareId = shared
      ? null
      : await insertCaseShare(tx, {
          orgId: row.org_id,
          caseId: row.id,
          userId: colleague.id,
          kind: 'share',
          reason: `Specialist: ${role}`,
          expiresAt: null,
          grantedBy: actor.id,
          grantedAt: now,
        });
    const id = await insertCaseSpecialist(tx, {
      orgId: row.org_id,
      caseId: row.id,
      userId: colleague.id,
      role,
      hours: input.hours ?? null,
      shareId,
      addedBy: actor.id,
      addedAt: now,
    });
    await audit(ctx, tx, {
      action: 'case.specialist_added',
      entityType: 'case',
      entityId: row.id,
      details: { specialistId: id, userId: colleague.id, shareId, hours: input.hours ?? null },
    });
    await notifyUsers(ctx, tx, {
      recipients: [colleague.id],
      kind: 'case-shared',
      caseId: row.id,
      message: `You have been added as a specialist on case ${row.reference}; it is shared with you.`,
    });
    const added = await getCaseSpecialist(tx, row.org_id, row.id, id);
    if (!added) throw new AppError('SPECIALIST_NOT_FOUND');
    const withShare = shareId
      ? {
          ...loaded,
          access: {
            ...access,
            shares: [
              ...access.shares,
              { userId: colleague.id, kind: 'share' as const, expiresAt: null, revokedAt: null },
            ],
          },
        }
      : loaded;
    return { row: added, canSeeCase: seesCase(withShare, colleague.id, now) };
  });
}
