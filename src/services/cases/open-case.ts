import type { Policy } from '../../domain/access/policy.ts';
import { canOwnCases } from '../../domain/cases/case-access.ts';
import { canViewClient } from '../../domain/cases/client-access.ts';
import { formatCaseReference } from '../../domain/cases/reference.ts';
import { AppError } from '../../domain/errors.ts';
import { getCaseType } from '../../store/case-types.ts';
import { insertCaseRow, nextCaseNumber } from '../../store/cases.ts';
import { getClient, listClientCases } from '../../store/clients.ts';
import { getOrganisation } from '../../store/organisations.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { assignNewCase } from './case-assignment.ts';
import { type CaseView, loadCaseView } from './case-view.ts';

/** Who may open cases: anyone who may hold them (advisers and supervisors). */
export const openCases: Policy = { name: 'cases.open', allows: canOwnCases };

export interface OpenCaseInput {
  readonly clientId: string;
  readonly caseTypeId: string;
  readonly presentingIssue: string;
  readonly desiredOutcome?: string | undefined;
  readonly ownerId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly complexityWeight: number;
  readonly vulnerabilityIndicators: readonly string[];
}

/** The calendar year at `at` in a time zone (IANA name), e.g. 2027 at 00:30 on 1 January in London. */
export function yearIn(at: Date, timeZone: string): number {
  const year = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' })
    .formatToParts(at)
    .find((p) => p.type === 'year');
  return Number(year?.value);
}

const clientNotFound = () =>
  AppError.field(
    'clientId',
    'There is no such client, or you do not have access to them.',
    'CLIENT_NOT_FOUND',
  );

/**
 * Opens a case for a client the actor may see (they recorded the client, or may view one of the
 * client's cases), with the next reference of the organisation for this year in its time zone
 * (`CL-2026-000123`). A reference is never reused: the counter only moves forward with committed
 * cases, and cases are never deleted.
 * A supervisor opening a case for someone else leaves them a notification.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CLIENT_NOT_FOUND (clientId), CASE_TYPE_NOT_FOUND
 *   (caseTypeId), USER_NOT_FOUND (ownerId), TEAM_NOT_FOUND (teamId), VALIDATION_FAILED (ownerId, teamId)
 */
export async function openCase(ctx: ServiceContext, input: OpenCaseInput): Promise<CaseView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, openCases, undefined);
  const now = ctx.clock.now();
  const client = await getClient(ctx.db, actor.orgId, input.clientId);
  if (!client) throw clientNotFound();
  const clientCases = await listClientCases(ctx.db, actor.orgId, [client.id]);
  if (
    !canViewClient(actor, { orgId: client.org_id, createdBy: client.created_by, cases: clientCases }, now)
  ) {
    throw clientNotFound();
  }
  const type = await getCaseType(ctx.db, actor.orgId, input.caseTypeId);
  if (!type?.active) {
    throw AppError.field(
      'caseTypeId',
      'Choose one of your organisation’s case types in use.',
      'CASE_TYPE_NOT_FOUND',
    );
  }
  const { ownerId, teamId } = await assignNewCase(ctx, actor, input);
  const org = await getOrganisation(ctx.db, actor.orgId);
  const year = yearIn(now, org?.time_zone ?? 'Europe/London');

  const row = await inTransaction(ctx, async (tx) => {
    const reference = formatCaseReference(year, await nextCaseNumber(tx, actor.orgId, year));
    const created = await insertCaseRow(tx, {
      org_id: actor.orgId,
      reference,
      client_id: client.id,
      case_type_id: type.id,
      presenting_issue: input.presentingIssue,
      desired_outcome: input.desiredOutcome || null,
      hold_reason: null,
      outcome: null,
      closure_reason: null,
      owner_id: ownerId,
      team_id: teamId,
      complexity_weight: input.complexityWeight,
      vulnerability_indicators: [...input.vulnerabilityIndicators],
      opened_at: now,
      closed_at: null,
      last_attention_at: now,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'case.opened',
      entityType: 'case',
      entityId: created.id,
      details: { reference, clientId: client.id, caseTypeId: type.id, ownerId, teamId },
    });
    await notifyUsers(ctx, tx, {
      recipients: [ownerId],
      kind: 'case-assigned',
      caseId: created.id,
      message: `Case ${reference} has been opened for you.`,
    });
    await reassessCases(ctx, tx, { orgId: actor.orgId, caseIds: [created.id], trigger: 'case-opened' });
    return created;
  });
  return loadCaseView(ctx, {
    row,
    access: { orgId: row.org_id, ownerId: row.owner_id, teamId: row.team_id, shares: [] },
  });
}
