import type { RegisterSubjectAccessRequest } from '../../contract/subject-access.ts';
import { requestDueOn } from '../../domain/data-protection/request-dates.ts';
import { AppError } from '../../domain/errors.ts';
import { insertSubjectAccessRequest } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  requireClient,
  requireDataProtectionOfficer,
  requirePastDate,
  requireSubjectAccessRequest,
  type SubjectAccessView,
  subjectAccessView,
} from './common.ts';

/**
 * Registers a subject access request: due one calendar month after receipt (ICO rule, see
 * src/domain/data-protection/request-dates.ts). The audit event holds ids and flags only.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CLIENT_NOT_FOUND (clientId),
 *   VALIDATION_FAILED (receivedOn, identityEvidence)
 */
export async function registerSubjectAccessRequest(
  ctx: ServiceContext,
  input: RegisterSubjectAccessRequest,
): Promise<SubjectAccessView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const client = await requireClient(tx, actor, input.clientId);
    const { today, nation } = await calendarOf(ctx, actor, tx);
    requirePastDate('receivedOn', 'The date received', input.receivedOn, today);
    if (input.identityVerified && !input.identityEvidence) {
      throw AppError.field(
        'identityEvidence',
        'Say what identity evidence you saw (e.g. passport checked in person).',
      );
    }
    const rep = input.requester.kind === 'representative' ? input.requester : undefined;
    const id = await insertSubjectAccessRequest(tx, {
      org_id: actor.orgId,
      client_id: client.id,
      received_on: input.receivedOn,
      requester_kind: input.requester.kind,
      requester_name: rep?.name ?? null,
      requester_authority: rep?.authority ?? null,
      identity_verified: input.identityVerified,
      identity_evidence: input.identityEvidence ?? null,
      notes: input.notes ?? null,
      due_on: requestDueOn(input.receivedOn, 1, nation),
      created_by: actor.id,
    });
    await audit(ctx, tx, {
      action: 'subject_access.registered',
      entityType: 'subject_access_request',
      entityId: id,
      details: {
        clientId: client.id,
        requesterKind: input.requester.kind,
        identityVerified: input.identityVerified,
      },
    });
    return subjectAccessView(await requireSubjectAccessRequest(tx, actor, id), today);
  });
}
