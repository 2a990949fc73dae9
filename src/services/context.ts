/**
 * What every use case receives: the database, who is acting, the request id and a clock.
 * Services load, check the access policy, call the domain, write through the store and audit —
 * in one transaction.
 */
import type { RecordSettings } from '../config.ts';
import type { Actor } from '../domain/access/actor.ts';
import { decide, type Policy } from '../domain/access/policy.ts';
import { AppError } from '../domain/errors.ts';
import { type AuditEventInput, appendAuditEvent, appendAuditEvents } from '../store/audit.ts';
import type { Db, DbOrTx, Tx } from '../store/db.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  /** The signed-in user; undefined for signed-out callers and the CLI. */
  readonly actor?: Actor;
  readonly requestId?: string;
  readonly ip?: string;
  readonly log?: ServiceLogger;
  /** Record settings from config; defaults apply where absent (CLI, tests). */
  readonly records?: RecordSettings;
  /** E-mail delivery of notifications; absent: in-app only. */
  readonly outbox?: Outbox;
}

/** The outbox of notification e-mails, as services see it. */
export interface Outbox {
  /** Whether notifications are also e-mailed (an SMTP server is configured): new ones are 'pending'. */
  readonly emailEnabled: boolean;
  /**
   * Asks for pending e-mail to be delivered soon. Safe to call inside a transaction: nothing is
   * delivered before the current request or job has finished, so the new rows are committed.
   */
  nudge(): void;
}

export const DEFAULT_RECORD_SETTINGS: RecordSettings = {
  lateEntryHours: 24,
  maxUploadBytes: 20 * 1024 * 1024,
};

export const recordSettings = (ctx: ServiceContext): RecordSettings => ctx.records ?? DEFAULT_RECORD_SETTINGS;

/** Runs `work` in one transaction. */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}

/** An audit event as a use case describes it: the context supplies actor, request and time. */
export type ServiceAuditEvent = Omit<AuditEventInput, 'actorId' | 'requestId' | 'orgId' | 'occurredAt'> & {
  actorId?: string | null;
};

/** Appends an audit event attributed to the context's actor and request. */
export function audit(ctx: ServiceContext, db: DbOrTx, event: ServiceAuditEvent & { orgId?: string }) {
  const orgId = event.orgId ?? ctx.actor?.orgId;
  if (!orgId) throw new Error('audit event without an organisation');
  return appendAuditEvent(db, { ...attributed(ctx, event), orgId });
}

/** Appends several audit events of one organisation at once (one lock, one insert), in order. */
export function auditMany(
  ctx: ServiceContext,
  db: DbOrTx,
  orgId: string,
  events: readonly ServiceAuditEvent[],
) {
  return appendAuditEvents(
    db,
    orgId,
    events.map((event) => attributed(ctx, event)),
  );
}

function attributed(ctx: ServiceContext, event: ServiceAuditEvent) {
  return {
    ...event,
    actorId: event.actorId === undefined ? (ctx.actor?.id ?? null) : event.actorId,
    requestId: ctx.requestId ?? null,
    occurredAt: ctx.clock.now(),
  };
}

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/**
 * Checks a policy for the context's actor. A denial is logged and audited (in its own
 * transaction, so it is kept although the request fails), then FORBIDDEN is thrown.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function requireAccess<R>(
  ctx: ServiceContext,
  policy: Policy<R>,
  resource: R,
  subject?: { entityType: string; entityId: string },
): Promise<void> {
  const decision = decide(policy, ctx.actor, resource);
  if (decision.allowed) return;
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  await recordDenial(ctx, policy.name, subject);
  throw new AppError('FORBIDDEN');
}

/** Logs and audits an access denial. */
export async function recordDenial(
  ctx: ServiceContext,
  policyName: string,
  subject?: { entityType: string; entityId: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  ctx.log?.warn({ policy: policyName, actorId: actor.id, ...subject }, 'access denied');
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'access.denied',
      entityType: subject?.entityType ?? null,
      entityId: subject?.entityId ?? null,
      details: { policy: policyName },
    }),
  );
}
