/** What the subject-access and rectification use cases share: who may act, the calendar, lookups. */
import type { Actor } from '../../domain/access/actor.ts';
import { handleDataProtectionRequests } from '../../domain/data-protection/access.ts';
import { dueInWords } from '../../domain/data-protection/request-dates.ts';
import { AppError } from '../../domain/errors.ts';
import { compareDates } from '../../domain/time/calendar.ts';
import { getClient } from '../../store/clients.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getSubjectAccessRequest, type SubjectAccessRow } from '../../store/subject-access-requests.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

/**
 * The signed-in data-protection officer (auditor) or admin; FORBIDDEN (audited) for anyone else.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function requireDataProtectionOfficer(ctx: ServiceContext): Promise<Actor> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, handleDataProtectionRequests, undefined);
  return actor;
}

/** The organisation's today and nation (bank holidays). */
export const calendarOf = (ctx: ServiceContext, actor: Actor, db: DbOrTx = ctx.db) =>
  organisationCalendar(db, actor.orgId, ctx.clock.now());

/**
 * The client, in the actor's organisation. The data-protection officer reaches every client of the
 * organisation, whatever the case visibility: answering the request is their job (and audited).
 * @throws AppError CLIENT_NOT_FOUND (field clientId)
 */
export async function requireClient(db: DbOrTx, actor: Actor, clientId: string) {
  const client = await getClient(db, actor.orgId, clientId);
  if (!client)
    throw AppError.field('clientId', 'There is no such client in your organisation.', 'CLIENT_NOT_FOUND');
  return client;
}

/**
 * A date that must lie between `notBefore` (when given) and today.
 * @throws AppError VALIDATION_FAILED (field)
 */
export function requirePastDate(
  field: string,
  what: string,
  date: string,
  today: string,
  notBefore?: string,
) {
  if (compareDates(date, today) > 0) throw AppError.field(field, `${what} cannot be in the future.`);
  if (notBefore && compareDates(date, notBefore) < 0) {
    throw AppError.field(field, `${what} cannot be before the request was received (${notBefore}).`);
  }
}

/**
 * A subject access request of the organisation.
 * @throws AppError NOT_FOUND
 */
export async function requireSubjectAccessRequest(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SubjectAccessRow> {
  const row = await getSubjectAccessRequest(db, actor.orgId, id, options);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such subject access request in your organisation.');
  return row;
}

export const isClosed = (status: string) => status === 'completed' || status === 'refused';

/** The request as the register shows it, with its due date in words against today. */
export function subjectAccessView(row: SubjectAccessRow, today: string) {
  const dueOn = row.extended_due_on ?? row.due_on;
  return { row, dueOn, due: dueInWords({ dueOn, closed: isClosed(row.status), today }) };
}
export type SubjectAccessView = ReturnType<typeof subjectAccessView>;
