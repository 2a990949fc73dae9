import { manageRetention } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import { insertExtension, setDestructionDate } from '../../store/retention.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface RetentionExtension {
  readonly id: string;
  readonly caseId: string;
  readonly previousOn: string;
  readonly until: string;
}

/**
 * An admin keeps a closed case longer (a complaint, a claim, a safeguarding concern…): its
 * destruction date moves to `until`, later than both the current date and today, with the reason
 * recorded. Audited with the dates (the reason stays in the extension record).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_NOT_FOUND, CONFLICT (not closed),
 *   VALIDATION_FAILED (until)
 */
export async function extendRetention(
  ctx: ServiceContext,
  caseId: string,
  input: { readonly until: string; readonly reason: string },
): Promise<RetentionExtension> {
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
    if (row.status !== 'closed' || !row.destruction_due_on) {
      throw new AppError(
        'CONFLICT',
        `Case ${row.reference} is not closed: it has no destruction date to extend.`,
      );
    }
    const now = ctx.clock.now();
    const { today } = await organisationCalendar(tx, actor.orgId, now);
    if (input.until <= row.destruction_due_on || input.until <= today) {
      throw AppError.field(
        'until',
        `Choose a date after ${row.destruction_due_on > today ? row.destruction_due_on : today} (the current destruction date and today).`,
      );
    }
    const id = await insertExtension(tx, {
      orgId: actor.orgId,
      caseId,
      previousOn: row.destruction_due_on,
      until: input.until,
      reason: input.reason,
      by: actor.id,
      at: now,
    });
    await setDestructionDate(tx, actor.orgId, caseId, input.until);
    await audit(ctx, tx, {
      action: 'retention.extended',
      entityType: 'case',
      entityId: caseId,
      details: { extensionId: id, from: row.destruction_due_on, until: input.until },
    });
    return { id, caseId, previousOn: row.destruction_due_on, until: input.until };
  });
}
