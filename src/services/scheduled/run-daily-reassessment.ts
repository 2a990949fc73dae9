/**
 * The daily re-assessment of an organisation's open cases (time-based criteria move with the
 * calendar: a key date comes closer, a case waits longer). Runs once per organisation per calendar
 * day in its time zone, whichever process's tick gets there first.
 */
import { todayIn } from '../../domain/time/calendar.ts';
import { claimDailyRun, releaseDailyRun } from '../../store/organisations.ts';
import type { AssessmentTrigger } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { reassessOpenCases } from '../priority/reassess-cases.ts';

export interface DailyRunOrganisation {
  readonly id: string;
  readonly timeZone: string;
  /** daily_run_on as last read: given back if this run fails. */
  readonly dailyRunOn: string | null;
}

/** Re-assesses every case of the organisation that is not closed (system context, no actor). */
export type ReassessOpenCases = (
  ctx: ServiceContext,
  orgId: string,
  trigger: AssessmentTrigger,
) => Promise<{ assessed: number; changed: number }>;

/**
 * Claims today's daily run of the organisation and, when this call won it, re-assesses its open
 * cases. A failed run gives the day back so that the next tick tries again.
 * @returns the re-assessment's counts, or undefined when the day had been claimed already
 */
export async function runDailyReassessment(
  ctx: ServiceContext,
  org: DailyRunOrganisation,
  reassess: ReassessOpenCases = reassessOpenCases,
): Promise<{ assessed: number; changed: number } | undefined> {
  const today = todayIn(org.timeZone, ctx.clock.now());
  if (!(await claimDailyRun(ctx.db, org.id, today))) return undefined;
  try {
    return await reassess(ctx, org.id, 'daily');
  } catch (error) {
    await releaseDailyRun(ctx.db, org.id, today, org.dailyRunOn).catch(() => undefined);
    throw error;
  }
}
