/**
 * The organisation's calendar: what "today" is in its time zone, and the nation whose bank
 * holidays its working days skip. Read once per use case and passed to the domain.
 */
import type { ClockSettings } from '../domain/priority/case-clocks.ts';
import { DEFAULT_TIME_ZONE, todayIn } from '../domain/time/calendar.ts';
import type { DbOrTx } from '../store/db.ts';
import { getOrganisation } from '../store/organisations.ts';

export async function organisationCalendar(db: DbOrTx, orgId: string, now: Date): Promise<ClockSettings> {
  return calendarOf(await getOrganisation(db, orgId), now);
}

/** The calendar of an organisation as read (the defaults when there is none). */
export function calendarOf(
  org: { readonly time_zone: string; readonly nation: ClockSettings['nation'] } | undefined,
  now: Date,
): ClockSettings {
  const timeZone = org?.time_zone ?? DEFAULT_TIME_ZONE;
  return { today: todayIn(timeZone, now), timeZone, nation: org?.nation ?? 'england-and-wales' };
}
