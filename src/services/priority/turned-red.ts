/**
 * A case turned red: its owner and the supervisors of its team are told (LSIAG14 10: inform the
 * right people), once per assessment whichever process made it (alerts_sent).
 */

import { claimAlert } from '../../store/alerts.ts';
import type { CaseAssessmentFacts } from '../../store/assessments.ts';
import type { Tx } from '../../store/db.ts';
import { listTeamSupervisorIds } from '../../store/teams.ts';
import type { ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';

export async function alertTurnedRed(
  ctx: ServiceContext,
  tx: Tx,
  input: {
    orgId: string;
    row: CaseAssessmentFacts;
    assessmentId: string;
    /** Already told about this case by the caller: not told again. */
    toldAlready?: readonly string[];
  },
): Promise<string[]> {
  const { orgId, row, assessmentId } = input;
  const now = ctx.clock.now();
  if (
    !(await claimAlert(tx, {
      orgId,
      kind: 'turned-red',
      subjectKey: assessmentId,
      caseId: row.id,
      sentAt: now,
    }))
  ) {
    return [];
  }
  const supervisors = row.teamId ? await listTeamSupervisorIds(tx, orgId, row.teamId) : [];
  const recipients = [row.ownerId, ...supervisors].filter((id) => !input.toldAlready?.includes(id));
  // Never the person whose action caused it (notifyUsers leaves out the actor): they know.
  return notifyUsers(ctx, tx, {
    orgId,
    recipients,
    kind: 'turned-red',
    caseId: row.id,
    message: `${row.reference} is now red: open the case to see why.`,
  });
}
