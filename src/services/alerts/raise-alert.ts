/**
 * Alerts, each once: claimed in alerts_sent, and only the transaction that claims an alert notifies
 * and audits it. A concurrent claimer waits for the first to commit and then finds the alert taken.
 * Alerts are raised in batches: one claim, one read of the teams' supervisors, one insert of
 * notifications and one audit append per batch, so a first tick that finds thousands of key dates
 * due costs a few statements per batch, not five per alert.
 */
import type { NotificationKind } from '../../domain/notifications/notification-kinds.ts';
import { claimAlerts } from '../../store/alerts.ts';
import { listSupervisorIdsOfTeams } from '../../store/teams.ts';
import { auditMany, inTransaction, type ServiceContext } from '../context.ts';
import { notifyUsersMany } from '../notifications/notify-users.ts';

export interface AlertToRaise {
  /** Unique within the kind: what the alert is about. */
  readonly subjectKey: string;
  /** null for an alert about no one case (a caseload review due). */
  readonly caseId: string | null;
  /** Who is told: these people, and the active supervisors of these teams (read when claimed). */
  readonly recipients: {
    readonly users: readonly string[];
    readonly supervisorsOfTeams?: readonly string[];
  };
  /** Case reference and what happened; never client details. */
  readonly message: string;
  readonly audit: {
    readonly action: string;
    readonly entityType: string;
    readonly entityId: string;
    /** Ids, dates and codes only. */
    readonly details: Record<string, unknown>;
  };
}

/** Alerts claimed, notified and audited in one transaction each. */
const BATCH = 500;

/**
 * Raises alerts of one kind in one organisation, each at most once whatever the number of
 * processes doing the same.
 * @returns how many this call raised (the others were raised already, by this or another process)
 */
export async function raiseAlerts(
  ctx: ServiceContext,
  orgId: string,
  kind: NotificationKind,
  alerts: readonly AlertToRaise[],
): Promise<number> {
  let raised = 0;
  for (let i = 0; i < alerts.length; i += BATCH) {
    raised += await raiseBatch(ctx, orgId, kind, alerts.slice(i, i + BATCH));
  }
  return raised;
}

async function raiseBatch(
  ctx: ServiceContext,
  orgId: string,
  kind: NotificationKind,
  alerts: readonly AlertToRaise[],
): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const claimed = await claimAlerts(
      tx,
      alerts.map((a) => ({ orgId, kind, subjectKey: a.subjectKey, caseId: a.caseId, sentAt: now })),
    );
    const ours = alerts.filter((a) => claimed.has(a.subjectKey));
    if (ours.length === 0) return 0;
    const supervisors = await listSupervisorIdsOfTeams(
      tx,
      orgId,
      ours.flatMap((a) => a.recipients.supervisorsOfTeams ?? []),
    );
    const notified = await notifyUsersMany(
      ctx,
      tx,
      ours.map((a) => ({
        orgId,
        recipients: [
          ...a.recipients.users,
          ...(a.recipients.supervisorsOfTeams ?? []).flatMap((team) => supervisors.get(team) ?? []),
        ],
        kind,
        caseId: a.caseId,
        message: a.message,
      })),
    );
    await auditMany(
      ctx,
      tx,
      orgId,
      ours.map((a, n) => ({
        actorId: null,
        action: a.audit.action,
        entityType: a.audit.entityType,
        entityId: a.audit.entityId,
        details: { ...a.audit.details, notified: notified[n] ?? [] },
      })),
    );
    return ours.length;
  });
}
