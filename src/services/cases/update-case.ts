import { AppError } from '../../domain/errors.ts';
import { getCaseType } from '../../store/case-types.ts';
import { lockCase, updateCaseRow } from '../../store/cases.ts';
import type { Tx } from '../../store/db.ts';
import { type FieldChange, recordFieldChanges } from '../../store/field-changes.ts';
import { insertHandover } from '../../store/handovers.ts';
import type { CaseRow } from '../../store/schema.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { reassignCase } from './case-assignment.ts';
import { type CaseView, loadCaseView } from './case-view.ts';
import { type LoadedCase, loadCase } from './load-case.ts';

export interface UpdateCaseInput {
  readonly presentingIssue?: string | undefined;
  /** null or '' clears it. */
  readonly desiredOutcome?: string | null | undefined;
  readonly caseTypeId?: string | undefined;
  readonly complexityWeight?: number | undefined;
  readonly vulnerabilityIndicators?: readonly string[] | undefined;
  readonly ownerId?: string | undefined;
  readonly teamId?: string | undefined;
  /** Required when the owner changes: what the new owner must know and do first. */
  readonly handoverNote?: string | undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The changed fields (by column name) with old and new values, in a stable order. */
function changedFields(row: CaseRow, input: UpdateCaseInput): FieldChange[] {
  const changes: FieldChange[] = [];
  const put = (field: string, oldValue: unknown, newValue: unknown) => {
    changes.push({ field, oldValue, newValue });
  };
  if (input.presentingIssue !== undefined && input.presentingIssue !== row.presenting_issue)
    put('presenting_issue', row.presenting_issue, input.presentingIssue);
  const outcome = input.desiredOutcome === undefined ? row.desired_outcome : input.desiredOutcome || null;
  if (outcome !== row.desired_outcome) put('desired_outcome', row.desired_outcome, outcome);
  if (input.caseTypeId !== undefined && input.caseTypeId !== row.case_type_id)
    put('case_type_id', row.case_type_id, input.caseTypeId);
  const weight = Number(row.complexity_weight);
  if (input.complexityWeight !== undefined && input.complexityWeight !== weight)
    put('complexity_weight', weight, input.complexityWeight);
  const indicators = input.vulnerabilityIndicators;
  if (indicators !== undefined && !sameList(indicators, row.vulnerability_indicators))
    put('vulnerability_indicators', row.vulnerability_indicators, [...indicators]);
  return changes;
}

const COLUMN_VALUE: Record<string, (v: unknown) => Partial<CaseRow>> = {
  presenting_issue: (v) => ({ presenting_issue: v as string }),
  desired_outcome: (v) => ({ desired_outcome: v as string | null }),
  case_type_id: (v) => ({ case_type_id: v as string }),
  complexity_weight: (v) => ({ complexity_weight: String(v) }),
  vulnerability_indicators: (v) => ({ vulnerability_indicators: v as string[] }),
  owner_id: (v) => ({ owner_id: v as string }),
  team_id: (v) => ({ team_id: v as string | null }),
};

/**
 * Changes a case's fields, reassigns it or moves it to another team (see case-assignment.ts for
 * who may). Each changed field is kept in the field history with its old and new value; the
 * audit event names the fields (and the ids of old and new owner and team), never their text.
 * A change of owner needs a handover note (nothing is written without one): it is kept in
 * case_handovers in the same transaction, audited by ids, and the new owner is told to read it.
 * A note sent without a change of owner is ignored.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, CASE_TYPE_NOT_FOUND (caseTypeId),
 *   USER_NOT_FOUND (ownerId), TEAM_NOT_FOUND (teamId), VALIDATION_FAILED (ownerId, teamId,
 *   handoverNote)
 */
export async function updateCase(
  ctx: ServiceContext,
  caseId: string,
  input: UpdateCaseInput,
): Promise<CaseView> {
  const actor = requireActor(ctx);
  if (input.caseTypeId !== undefined) {
    const type = await getCaseType(ctx.db, actor.orgId, input.caseTypeId);
    if (!type?.active) {
      throw AppError.field(
        'caseTypeId',
        'Choose one of your organisation’s case types in use.',
        'CASE_TYPE_NOT_FOUND',
      );
    }
  }
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const loaded = await loadCase(ctx, caseId, 'manage', tx);
    const { row } = loaded;
    const changes = changedFields(row, input);
    const next = await reassignCase(
      ctx,
      tx,
      actor,
      { caseId, ownerId: row.owner_id, teamId: row.team_id },
      input,
    );
    if (next.teamId !== row.team_id)
      changes.push({ field: 'team_id', oldValue: row.team_id, newValue: next.teamId });
    const handoverNote = input.handoverNote?.trim() ?? '';
    if (next.ownerId !== row.owner_id) {
      if (!handoverNote) {
        throw AppError.field(
          'handoverNote',
          'Write a handover note for the new owner: what they must know and do first.',
        );
      }
      changes.push({ field: 'owner_id', oldValue: row.owner_id, newValue: next.ownerId });
    }
    if (changes.length === 0) return loadCaseView(ctx, loaded, tx);
    return applyChanges(ctx, tx, loaded, changes, handoverNote);
  });
}

async function applyChanges(
  ctx: ServiceContext,
  tx: Tx,
  loaded: LoadedCase,
  changes: readonly FieldChange[],
  handoverNote: string,
): Promise<CaseView> {
  const actor = requireActor(ctx);
  const { row } = loaded;
  const now = ctx.clock.now();
  const values = Object.assign({}, ...changes.map((c) => COLUMN_VALUE[c.field]?.(c.newValue)));
  const updated = await updateCaseRow(tx, row.org_id, row.id, { ...values, updated_at: now });
  await recordFieldChanges(tx, {
    orgId: row.org_id,
    entityType: 'case',
    entityId: row.id,
    changedBy: actor.id,
    changedAt: now,
    changes,
  });
  const reassigned = updated.owner_id !== row.owner_id;
  const moved = updated.team_id !== row.team_id;
  await audit(ctx, tx, {
    action: 'case.updated',
    entityType: 'case',
    entityId: row.id,
    details: {
      fields: changes.map((c) => c.field),
      ...(reassigned ? { ownerId: updated.owner_id, previousOwnerId: row.owner_id } : {}),
      ...(moved ? { teamId: updated.team_id, previousTeamId: row.team_id } : {}),
    },
  });
  await reassessCases(ctx, tx, { orgId: row.org_id, caseIds: [row.id], trigger: 'case-changed' });
  if (reassigned) {
    const handover = await insertHandover(tx, {
      org_id: row.org_id,
      case_id: row.id,
      from_user_id: row.owner_id,
      to_user_id: updated.owner_id,
      note: handoverNote,
      handed_over_by: actor.id,
      handed_over_at: now,
      acknowledged_at: null,
    });
    await audit(ctx, tx, {
      action: 'case.handed_over',
      entityType: 'handover',
      entityId: handover.id,
      details: { caseId: row.id, fromUserId: row.owner_id, toUserId: updated.owner_id },
    });
    await notifyUsers(ctx, tx, {
      recipients: [updated.owner_id],
      kind: 'case-assigned',
      caseId: row.id,
      message: `Case ${row.reference} has been handed to you: read the handover note on the case first.`,
    });
  }
  return loadCaseView(
    ctx,
    { row: updated, access: { ...loaded.access, ownerId: updated.owner_id, teamId: updated.team_id } },
    tx,
  );
}
