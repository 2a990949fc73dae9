/**
 * A case turned red: its owner and the supervisors of its team are told (LSIAG14 10: inform the
 * right people), once per assessment whichever process made it (alerts_sent).
 */

import { claimAlerts } from '../../store/alerts.ts';
import type { CaseAssessmentFacts } from '../../store/assessments.ts';
import type { Tx } from '../../store/db.ts';
import { listSupervisorIdsOfTeams } from '../../store/teams.ts';
import type { ServiceContext } from '../context.ts';
import { notifyUsersMany } from '../notifications/notify-users.ts';

/** A case that turned red, with the assessment that made it red. */
export interface TurnedRed {
  readonly row: CaseAssessmentFacts;
  readonly assessmentId: string;
}

export async function alertTurnedRed(
  ctx: ServiceContext,
  tx: Tx,
  input: TurnedRed & {
    orgId: string;
    /** Already told about this case by the caller: not told again. */
    toldAlready?: readonly string[];
  },
): Promise<string[]> {
  const [recipients] = await alertTurnedRedMany(ctx, tx, input.orgId, [input], input.toldAlready);
  return recipients ?? [];
}

/**
 * {@link alertTurnedRed} for many cases of one organisation at once: one claim, one read of the
 * teams' supervisors and one insert of notifications, however many cases a re-assessment turned red.
 * @returns the people told, per case (none for a case whose alert another process claimed)
 */
export async function alertTurnedRedMany(
  ctx: ServiceContext,
  tx: Tx,
  orgId: string,
  cases: readonly TurnedRed[],
  toldAlready: readonly string[] = [],
): Promise<string[][]> {
  if (cases.length === 0) return [];
  const now = ctx.clock.now();
  const claimed = await claimAlerts(
    tx,
    cases.map(({ row, assessmentId }) => ({
      orgId,
      kind: 'turned-red',
      subjectKey: assessmentId,
      caseId: row.id,
      sentAt: now,
    })),
  );
  const ours = cases.filter((c) => claimed.has(c.assessmentId));
  const teamIds = ours.flatMap(({ row }) => (row.teamId ? [row.teamId] : []));
  const supervisors = await listSupervisorIdsOfTeams(tx, orgId, teamIds);
  // Never the person whose action caused it (notifyUsers leaves out the actor): they know.
  const told = await notifyUsersMany(
    ctx,
    tx,
    ours.map(({ row }) => ({
      orgId,
      recipients: [row.ownerId, ...((row.teamId && supervisors.get(row.teamId)) || [])].filter(
        (id) => !toldAlready.includes(id),
      ),
      kind: 'turned-red',
      caseId: row.id,
      message: `${row.reference} is now red: open the case to see why.`,
    })),
  );
  const byAssessment = new Map(ours.map((c, i) => [c.assessmentId, told[i] ?? []]));
  return cases.map((c) => byAssessment.get(c.assessmentId) ?? []);
}
