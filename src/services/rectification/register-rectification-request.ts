import { requestDueOn } from '../../domain/data-protection/request-dates.ts';
import { insertRectificationRequest } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  requireClient,
  requireDataProtectionOfficer,
  requirePastDate,
} from '../subject-access/common.ts';
import { type RectificationView, rectificationView } from './rectification-view.ts';

/**
 * Records a request to correct a client's data (due one calendar month after receipt, as a subject
 * access request). The audit event holds ids only: what is said to be wrong stays on the request.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CLIENT_NOT_FOUND (clientId), VALIDATION_FAILED (receivedOn)
 */
export async function registerRectificationRequest(
  ctx: ServiceContext,
  input: { clientId: string; receivedOn: string; what: string; requestedChange: string },
): Promise<RectificationView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const client = await requireClient(tx, actor, input.clientId);
    const { today, nation } = await calendarOf(ctx, actor, tx);
    requirePastDate('receivedOn', 'The date received', input.receivedOn, today);
    const id = await insertRectificationRequest(tx, {
      org_id: actor.orgId,
      client_id: client.id,
      received_on: input.receivedOn,
      what: input.what,
      requested_change: input.requestedChange,
      due_on: requestDueOn(input.receivedOn, 1, nation),
      created_by: actor.id,
    });
    await audit(ctx, tx, {
      action: 'rectification.registered',
      entityType: 'rectification_request',
      entityId: id,
      details: { clientId: client.id },
    });
    return rectificationView(tx, actor, id, today);
  });
}
