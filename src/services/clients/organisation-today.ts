import type { DbOrTx } from '../../store/db.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

/** Today's calendar date ('YYYY-MM-DD') in the actor's organisation's time zone. */
export async function organisationToday(ctx: ServiceContext, db: DbOrTx = ctx.db): Promise<string> {
  const actor = requireActor(ctx);
  return (await organisationCalendar(db, actor.orgId, ctx.clock.now())).today;
}
