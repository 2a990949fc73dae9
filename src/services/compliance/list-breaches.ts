import { breachLog } from '../../domain/compliance/compliance-policies.ts';
import { AppError } from '../../domain/errors.ts';
import { getBreach, listBreaches as readBreaches } from '../../store/breaches.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { type BreachView, breachView } from './breach-view.ts';

/**
 * The organisation's breach log, newest discovered first, each with its 72-hour deadline in words
 * (admins and auditors). Audited (`breach.listed`: the number of records).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listBreaches(ctx: ServiceContext): Promise<BreachView[]> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, breachLog, undefined);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const { timeZone } = await organisationCalendar(tx, actor.orgId, now);
    const rows = await readBreaches(tx, actor.orgId);
    await audit(ctx, tx, { action: 'breach.listed', entityType: 'breach', details: { rows: rows.length } });
    return rows.map((r) => breachView(r, now, timeZone));
  });
}

/** One breach record, for a service that has checked access (in its transaction). */
export async function loadBreachView(ctx: ServiceContext, id: string, db = ctx.db): Promise<BreachView> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const row = await getBreach(db, actor.orgId, id);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such breach record in your organisation.');
  const { timeZone } = await organisationCalendar(db, actor.orgId, now);
  return breachView(row, now, timeZone);
}
