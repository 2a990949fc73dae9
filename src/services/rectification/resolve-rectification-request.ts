import type { ResolveRectificationRequest } from '../../contract/subject-access.ts';
import type { ClientPatch } from '../../domain/clients/client-changes.ts';
import { AppError } from '../../domain/errors.ts';
import { getClientForUpdate, listClientCases } from '../../store/clients.ts';
import { linkFieldChanges, resolveRectificationRow } from '../../store/subject-access-requests.ts';
import { changeClientDetails } from '../clients/update-client.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { calendarOf, requireDataProtectionOfficer } from '../subject-access/common.ts';
import {
  type RectificationView,
  rectificationView,
  requireRectificationRequest,
} from './rectification-view.ts';

/**
 * Resolves a rectification request: rectified (the client's details changed now through the
 * client update, each change kept in the field history linked to this request; and/or changes a
 * practitioner made already linked to it) or refused (the data stays, with the reason). Notes are
 * never changed: link the amendment note with linkRectificationNote. One transaction.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CLIENT_NOT_FOUND, CONFLICT (resolved already),
 *   VALIDATION_FAILED (changes, fieldChangeIds, and the client fields)
 */
export async function resolveRectificationRequest(
  ctx: ServiceContext,
  id: string,
  input: ResolveRectificationRequest,
): Promise<RectificationView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const request = await requireRectificationRequest(tx, actor, id, { forUpdate: true });
    if (request.status !== 'received')
      throw new AppError('CONFLICT', `This request is ${request.status} already.`);
    const { today } = await calendarOf(ctx, actor, tx);
    if (input.outcome === 'refused' && (input.changes || input.fieldChangeIds?.length)) {
      throw AppError.field(
        'changes',
        'A refused request changes nothing: leave out changes and fieldChangeIds.',
      );
    }
    let fields: string[] = [];
    if (input.changes) {
      const row = await getClientForUpdate(tx, actor.orgId, request.client_id);
      if (!row) throw new AppError('CLIENT_NOT_FOUND');
      const cases = await listClientCases(tx, actor.orgId, [row.id]);
      const changed = await changeClientDetails(
        ctx,
        tx,
        { row, cases },
        input.changes as ClientPatch,
        today,
        {
          rectificationRequestId: id,
        },
      );
      fields = changed.fields;
    }
    const wanted = [...new Set(input.fieldChangeIds ?? [])];
    const linked = await linkFieldChanges(tx, actor.orgId, {
      requestId: id,
      clientId: request.client_id,
      ids: wanted,
    });
    if (linked.length !== wanted.length) {
      throw AppError.field(
        'fieldChangeIds',
        'Some of these are not changes to this client’s details, or are linked to another request already.',
      );
    }
    await resolveRectificationRow(tx, actor.orgId, id, {
      status: input.outcome,
      outcome_reason: input.reason,
      resolved_by: actor.id,
      resolved_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: `rectification.${input.outcome}`,
      entityType: 'rectification_request',
      entityId: id,
      details: { clientId: request.client_id, fields, linkedFieldChanges: linked.length },
    });
    return rectificationView(tx, actor, id, today);
  });
}
