import { manageRetention } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { type CaseErasure, eraseCaseIn } from './erase.ts';

/**
 * An admin approves the destruction of a case on the retention review: its personal data is erased
 * now (src/services/retention/erase.ts), leaving a tombstone. Only a closed case whose destruction
 * date has come. One transaction; audited as `retention.approved` and `case.erased`.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_NOT_FOUND, CONFLICT (not closed, or not yet due)
 */
export async function approveDestruction(ctx: ServiceContext, caseId: string): Promise<CaseErasure> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageRetention, undefined, { entityType: 'case', entityId: caseId });
  return inTransaction(ctx, async (tx) => {
    const row = await tx
      .selectFrom('cases')
      .select(['id', 'reference', 'status', 'destruction_due_on'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('CASE_NOT_FOUND');
    const { today } = await organisationCalendar(tx, actor.orgId, ctx.clock.now());
    if (row.status !== 'closed' || !row.destruction_due_on || row.destruction_due_on > today) {
      throw new AppError(
        'CONFLICT',
        row.status !== 'closed'
          ? `Case ${row.reference} is not closed: only closed cases are destroyed.`
          : `Case ${row.reference} is not due for destruction until ${row.destruction_due_on}.`,
      );
    }
    const erased = await eraseCaseIn(ctx, tx, { caseId, reason: 'retention' });
    await audit(ctx, tx, {
      action: 'retention.approved',
      entityType: 'case',
      entityId: caseId,
      details: { tombstoneId: erased.tombstoneId, dueOn: row.destruction_due_on },
    });
    return erased;
  });
}
