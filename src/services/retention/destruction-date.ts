/** The destruction date of a case that closes now: its type's retention years after the closing day. */
import { DEFAULT_RETENTION_YEARS, destructionDate } from '../../domain/retention/retention.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import type { DbOrTx } from '../../store/db.ts';
import { scheduleYears } from '../../store/retention.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export async function destructionDueOn(
  db: DbOrTx,
  c: { readonly orgId: string; readonly caseTypeId: string; readonly closedAt: Date },
): Promise<string> {
  const years = (await scheduleYears(db, c.orgId, c.caseTypeId)) ?? DEFAULT_RETENTION_YEARS;
  const { timeZone } = await organisationCalendar(db, c.orgId, c.closedAt);
  return destructionDate(calendarDateIn(c.closedAt, timeZone), years);
}
