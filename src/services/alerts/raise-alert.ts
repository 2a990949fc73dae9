/**
 * One alert, once: claimed in alerts_sent, and only the transaction that claims it notifies and
 * audits. A concurrent claimer waits for the first to commit and then finds the alert taken.
 */
import type { NotificationKind } from '../../domain/notifications/notification-kinds.ts';
import { claimAlert } from '../../store/alerts.ts';
import type { Tx } from '../../store/db.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { notifyUsers } from '../notifications/notify-users.ts';

export interface AlertToRaise {
  readonly orgId: string;
  readonly kind: NotificationKind;
  /** Unique within the kind: what the alert is about. */
  readonly subjectKey: string;
  /** null for an alert about no one case (a caseload review due). */
  readonly caseId: string | null;
  /** Who is told, read inside the claiming transaction. */
  readonly recipients: (tx: Tx) => Promise<string[]>;
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

/** @returns whether this call raised it (false: raised already, by this or another process) */
export async function raiseAlert(ctx: ServiceContext, alert: AlertToRaise): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const claimed = await claimAlert(tx, {
      orgId: alert.orgId,
      kind: alert.kind,
      subjectKey: alert.subjectKey,
      caseId: alert.caseId,
      sentAt: ctx.clock.now(),
    });
    if (!claimed) return false;
    const notified = await notifyUsers(ctx, tx, {
      orgId: alert.orgId,
      recipients: await alert.recipients(tx),
      kind: alert.kind,
      caseId: alert.caseId,
      message: alert.message,
    });
    await audit(ctx, tx, {
      orgId: alert.orgId,
      actorId: null,
      action: alert.audit.action,
      entityType: alert.audit.entityType,
      entityId: alert.audit.entityId,
      details: { ...alert.audit.details, notified },
    });
    return true;
  });
}
