import { calendarDateIn } from '../../domain/clients/consent-state.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getOrganisation } from '../../store/organisations.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/** Today's calendar date ('YYYY-MM-DD') in the actor's organisation's time zone. */
export async function organisationToday(ctx: ServiceContext, db: DbOrTx = ctx.db): Promise<string> {
  const actor = requireActor(ctx);
  const org = await getOrganisation(db, actor.orgId);
  return calendarDateIn(ctx.clock.now(), org?.time_zone ?? 'Europe/London');
}
