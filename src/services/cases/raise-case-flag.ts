import { type CaseFlagWithNames, getCaseFlag, insertCaseFlag } from '../../store/case-flags.ts';
import { listTeamSupervisorIds } from '../../store/teams.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { loadCase } from './load-case.ts';

export interface RaiseFlagInput {
  readonly kind: 'safeguarding' | 'vulnerability';
  readonly category: string;
  readonly description?: string | undefined;
}

/**
 * Raises a safeguarding or vulnerability flag on a case (anyone who may contribute to it); who
 * raised it and when are kept. A safeguarding flag notifies the supervisors of the case's team
 * (or, in a case without a team, its owner) in the app. The audit names the kind, not the category.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN
 */
export async function raiseCaseFlag(
  ctx: ServiceContext,
  caseId: string,
  input: RaiseFlagInput,
): Promise<CaseFlagWithNames> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, caseId, 'contribute', tx);
    const flagId = await insertCaseFlag(tx, {
      orgId: row.org_id,
      caseId: row.id,
      kind: input.kind,
      category: input.category,
      description: input.description || null,
      raisedBy: actor.id,
      raisedAt: ctx.clock.now(),
    });
    let notified: string[] = [];
    if (input.kind === 'safeguarding') {
      const supervisors = row.team_id ? await listTeamSupervisorIds(tx, row.org_id, row.team_id) : [];
      notified = await notifyUsers(ctx, tx, {
        recipients: supervisors.length > 0 ? supervisors : [row.owner_id],
        kind: 'safeguarding-flag',
        caseId: row.id,
        message: `A safeguarding concern was flagged on case ${row.reference}.`,
      });
    }
    await audit(ctx, tx, {
      action: 'case.flag_raised',
      entityType: 'case',
      entityId: row.id,
      details: { flagId, kind: input.kind, ...(notified.length > 0 ? { notified } : {}) },
    });
    // Whoever was just told of the concern is not told again that the case turned red.
    await reassessCases(ctx, tx, {
      orgId: row.org_id,
      caseIds: [row.id],
      trigger: 'flag',
      toldAlready: notified,
    });
    const flag = await getCaseFlag(tx, row.org_id, row.id, flagId);
    if (!flag) throw new Error('the flag just raised is missing');
    return flag;
  });
}
