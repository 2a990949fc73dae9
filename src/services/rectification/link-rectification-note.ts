import { AppError } from '../../domain/errors.ts';
import { linkRectificationNote as insertLink } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { calendarOf, requireDataProtectionOfficer } from '../subject-access/common.ts';
import {
  type RectificationView,
  rectificationView,
  requireRectificationRequest,
} from './rectification-view.ts';

/**
 * Links an amendment note (the only way a filed note is corrected) to a rectification request, so
 * the record shows why it was amended. The note must be a filed amendment on a case of the client.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION_FAILED (noteId)
 */
export async function linkRectificationNote(
  ctx: ServiceContext,
  id: string,
  input: { noteId: string },
): Promise<RectificationView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const request = await requireRectificationRequest(tx, actor, id, { forUpdate: true });
    const note = await tx
      .selectFrom('notes as n')
      .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'n.org_id').onRef('c.id', '=', 'n.case_id'))
      .select(['n.id', 'n.status', 'n.amends_note_id', 'c.client_id'])
      .where('n.org_id', '=', actor.orgId)
      .where('n.id', '=', input.noteId)
      .executeTakeFirst();
    if (!note || note.client_id !== request.client_id) {
      throw AppError.field('noteId', 'There is no such note on a case of this client.', 'NOTE_NOT_FOUND');
    }
    if (note.status !== 'filed' || !note.amends_note_id) {
      throw AppError.field(
        'noteId',
        'Link the amendment note that corrects the record, not the original or a draft.',
      );
    }
    const added = await insertLink(tx, {
      org_id: actor.orgId,
      rectification_request_id: id,
      note_id: note.id,
      linked_by: actor.id,
      linked_at: ctx.clock.now(),
    });
    if (added) {
      await audit(ctx, tx, {
        action: 'rectification.note_linked',
        entityType: 'rectification_request',
        entityId: id,
        details: { clientId: request.client_id, noteId: note.id },
      });
    }
    const { today } = await calendarOf(ctx, actor, tx);
    return rectificationView(tx, actor, id, today);
  });
}
