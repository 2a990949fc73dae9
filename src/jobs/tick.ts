/**
 * The tick: the scheduled work the job queue runs every 15 minutes (and tests run directly). Per
 * organisation: the daily re-assessment (once a day, whichever process gets there first), key-date
 * reminders, escalations of missed dates, service timescale breaches and caseload reviews due (each
 * once, whatever the number of processes); then the e-mail outbox, as a fallback for the deliveries that
 * notifications trigger themselves.
 */
import type { UkNation } from '../domain/time/working-days.ts';
import { sendKeyDateAlerts } from '../services/alerts/send-key-date-alerts.ts';
import { sendTimescaleAlerts } from '../services/alerts/send-timescale-alerts.ts';
import type { Clock, Outbox, ServiceContext, ServiceLogger } from '../services/context.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import { deliverPendingEmail } from '../services/notifications/deliver-pending-email.ts';
import { sendReviewDueAlerts } from '../services/reviews/send-review-due-alerts.ts';
import {
  type ReassessOpenCases,
  runDailyReassessment,
} from '../services/scheduled/run-daily-reassessment.ts';
import type { Db } from '../store/db.ts';
import { listOrganisationsForJobs } from '../store/organisations.ts';

export interface MailDelivery {
  readonly mailer: Mailer;
  /** The app's public address, for links in e-mails. */
  readonly publicUrl: string;
}

export interface JobLogger extends ServiceLogger {
  error(obj: object, msg?: string): void;
}

export interface TickDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log?: JobLogger;
  /** E-mail delivery; absent: mail is off and notifications stay in the app. */
  readonly mail?: MailDelivery;
  /** The daily re-assessment (injectable for tests); default: reassessOpenCases. */
  readonly reassess?: ReassessOpenCases;
}

export interface TickSummary {
  readonly organisations: number;
  /** Organisations whose daily re-assessment this tick ran. */
  readonly dailyRuns: number;
  readonly reminders: number;
  readonly escalations: number;
  /** Service timescale breaches alerted. */
  readonly breaches: number;
  /** "Caseload review due" reminders raised. */
  readonly reviewsDue: number;
  readonly emailsSent: number;
  /** Organisations where a step failed (logged; the next tick tries again). */
  readonly failures: number;
}

/** The system's service context for scheduled work: no actor, notifications delivered at the tick's end. */
export function systemContext(deps: TickDeps): ServiceContext {
  const outbox: Outbox = { emailEnabled: deps.mail !== undefined, nudge: () => undefined };
  return { db: deps.db, clock: deps.clock, ...(deps.log ? { log: deps.log } : {}), outbox };
}

/**
 * Runs one tick. Safe to run at the same time in several processes and as often as wanted: the
 * daily run is claimed per organisation and day, every alert once in alerts_sent, and the outbox
 * locks the rows it sends. A failing organisation is logged and does not stop the others.
 */
export async function runTick(deps: TickDeps): Promise<TickSummary> {
  const ctx = systemContext(deps);
  const orgs = await listOrganisationsForJobs(deps.db);
  let dailyRuns = 0;
  let reminders = 0;
  let escalations = 0;
  let breaches = 0;
  let reviewsDue = 0;
  let failures = 0;
  for (const org of orgs) {
    const timeZone = org.time_zone;
    try {
      const daily = await runDailyReassessment(
        ctx,
        { id: org.id, timeZone, dailyRunOn: org.daily_run_on },
        deps.reassess,
      );
      if (daily) dailyRuns++;
    } catch (error) {
      failures++;
      deps.log?.error({ module: 'jobs', orgId: org.id, err: error }, 'daily re-assessment failed');
    }
    try {
      const sent = await sendKeyDateAlerts(ctx, {
        id: org.id,
        timeZone,
        nation: org.nation as UkNation,
        reminderLeadDays: org.reminder_lead_days,
      });
      reminders += sent.reminders;
      escalations += sent.escalations;
    } catch (error) {
      failures++;
      deps.log?.error({ module: 'jobs', orgId: org.id, err: error }, 'key-date alerts failed');
    }
    try {
      breaches += await sendTimescaleAlerts(ctx, org.id);
    } catch (error) {
      failures++;
      deps.log?.error({ module: 'jobs', orgId: org.id, err: error }, 'timescale alerts failed');
    }
    try {
      reviewsDue += await sendReviewDueAlerts(ctx, org.id);
    } catch (error) {
      failures++;
      deps.log?.error({ module: 'jobs', orgId: org.id, err: error }, 'review-due reminders failed');
    }
  }
  let emailsSent = 0;
  if (deps.mail) {
    try {
      emailsSent = (await deliverPendingEmail(ctx, deps.mail)).sent;
    } catch (error) {
      failures++;
      deps.log?.error({ module: 'jobs', err: error }, 'e-mail delivery failed');
    }
  }
  return {
    organisations: orgs.length,
    dailyRuns,
    reminders,
    escalations,
    breaches,
    reviewsDue,
    emailsSent,
    failures,
  };
}
