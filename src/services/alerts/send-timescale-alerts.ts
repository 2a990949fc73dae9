/**
 * Service timescale breaches of one organisation's open cases: the owner and the supervisors of the
 * case's team are told once per breach (./raise-alert.ts). The timescales and clocks are those the
 * priority assessment uses (src/domain/priority/case-clocks.ts), computed, never stored.
 */
import { describeTimescaleBreach, timescaleBreaches } from '../../domain/alerts/timescale-alerts.ts';
import { caseClocks } from '../../domain/priority/case-clocks.ts';
import { timescaleFor } from '../../domain/priority/service-timescales.ts';
import { loadAssessmentFacts } from '../../store/assessments.ts';
import { sentAlertKeys } from '../../store/key-date-alerts.ts';
import type { ServiceContext } from '../context.ts';
import { caseFactsOf, loadAssessmentSettings } from '../priority/reassess-cases.ts';
import { raiseAlerts } from './raise-alert.ts';

/** Breaches are alerted when found within this many days of the due date (older ones: the worklist). */
export const BREACH_LOOK_BACK_DAYS = 30;
const BATCH = 500;

/**
 * Alerts the timescale breaches found today in the organisation's cases that are not closed.
 * @returns the alerts this call raised (others may have raised more)
 */
export async function sendTimescaleAlerts(ctx: ServiceContext, orgId: string): Promise<number> {
  const settings = await loadAssessmentSettings(ctx.db, orgId, ctx.clock.now());
  const today = settings.clock.today;
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await loadAssessmentFacts(ctx.db, orgId, { after, limit: BATCH });
    const found = rows.flatMap((row) => {
      const timescale = timescaleFor(settings.timescales, row.caseTypeId, row.current?.band ?? 'green');
      const clocks = caseClocks(caseFactsOf(row), timescale, settings.clock);
      return timescaleBreaches(row.id, clocks, today, BREACH_LOOK_BACK_DAYS).map((breach) => ({
        row,
        breach,
      }));
    });
    const already = await sentAlertKeys(
      ctx.db,
      orgId,
      'timescale-breached',
      found.map((f) => f.breach.subjectKey),
    );
    sent += await raiseAlerts(
      ctx,
      orgId,
      'timescale-breached',
      found
        .filter(({ breach }) => !already.has(breach.subjectKey))
        .map(({ row, breach }) => ({
          subjectKey: breach.subjectKey,
          caseId: row.id,
          recipients: { users: [row.ownerId], supervisorsOfTeams: row.teamId ? [row.teamId] : [] },
          message: describeTimescaleBreach({ caseReference: row.reference, ...breach, today }),
          audit: {
            action: 'alert.timescale_breached',
            entityType: 'case',
            entityId: row.id,
            details: { clock: breach.clock, dueDate: breach.dueDate, workingDays: breach.workingDays },
          },
        })),
    );
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) break;
    after = last.id;
  }
  return sent;
}
