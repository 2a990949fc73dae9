/**
 * The job queue: pg-boss on the app's own PostgreSQL (schema `pgboss`), over the app's connection
 * pool. Every app process may start it: pg-boss lets one process send each scheduled job and one
 * worker take each job, and the work itself is safe to repeat (see ./tick.ts), so adding processes
 * never sends a reminder twice.
 *
 * Queues:
 * - `tick`, scheduled every 15 minutes: ./tick.ts.
 * - `deliver-mail`, sent when notifications are created (the outbox's nudge): e-mails them.
 * Both are "stately": at most one waiting and one running, so a burst of nudges is one delivery.
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Outbox } from '../services/context.ts';
import { deliverPendingEmail } from '../services/notifications/deliver-pending-email.ts';
import type { Db } from '../store/db.ts';
import { type JobLogger, runTick, systemContext, type TickDeps } from './tick.ts';

export const TICK_QUEUE = 'tick';
export const MAIL_QUEUE = 'deliver-mail';
export const TICK_SCHEDULE = '*/15 * * * *';
export const JOB_SCHEMA = 'pgboss';

export interface JobQueueOptions extends TickDeps {
  readonly log: JobLogger;
  /** How often an idle worker looks for jobs (pg-boss also wakes it when this process sends one). */
  readonly pollingIntervalSeconds?: number;
}

export interface JobQueue {
  /** The outbox for service contexts: nudges enqueue a delivery job. */
  readonly outbox: Outbox;
  /** Enqueues a tick now (besides the schedule). */
  triggerTick(): Promise<void>;
  /** Stops the workers, waiting for running jobs (up to 30 s); leaves the database pool open. */
  stop(): Promise<void>;
}

/** pg-boss's database interface over Kysely, so jobs share the app's pool and its settings. */
function executorOver(db: Db): PgBoss.Db {
  return {
    // Kysely passes the text and values to pg as they are: without values, pg uses the simple
    // query protocol, which runs pg-boss's multi-statement migration scripts.
    // A failed multi-statement script ("BEGIN; …; COMMIT;") leaves its connection inside an aborted
    // transaction: roll back on that same connection before it returns to the app's pool.
    executeSql: (text, values) =>
      db.connection().execute(async (connection) => {
        try {
          const result = await connection.executeQuery(CompiledQuery.raw(text, values ?? []));
          return { rows: [...result.rows] };
        } catch (error) {
          await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
          throw error;
        }
      }),
  };
}

/**
 * Runs a pg-boss set-up step that another process may be running at the same moment: creating a
 * queue builds a table partition, and two processes doing it together can deadlock (PostgreSQL
 * then aborts one) or collide on a unique key. The step is idempotent, so it is tried again.
 */
async function racingProcesses(step: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Starts pg-boss (creating or migrating its schema), the 15-minute schedule and the workers.
 * @throws when the database cannot be reached or pg-boss cannot install its schema
 */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { log } = options;
  const boss = new PgBoss({
    db: executorOver(options.db),
    schema: JOB_SCHEMA,
    // Finished jobs are history nobody reads: keep them a day.
    deleteAfterDays: 1,
  });
  boss.on('error', (error) => log.error({ module: 'jobs', err: error }, 'job queue error'));
  await boss.start();
  await racingProcesses(() =>
    boss.createQueue(TICK_QUEUE, {
      name: TICK_QUEUE,
      policy: 'stately',
      retryLimit: 0,
      expireInSeconds: 900,
    }),
  );
  await racingProcesses(() =>
    boss.createQueue(MAIL_QUEUE, {
      name: MAIL_QUEUE,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 60,
      expireInSeconds: 600,
    }),
  );
  await racingProcesses(() => boss.schedule(TICK_QUEUE, TICK_SCHEDULE, {}, { tz: 'Etc/UTC' }));

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  await boss.work(TICK_QUEUE, polling, async () => {
    const summary = await runTick(options);
    log.info({ module: 'jobs', ...summary }, 'tick done');
  });
  const mail = options.mail;
  let mailWorker: string | undefined;
  if (mail) {
    mailWorker = await boss.work(MAIL_QUEUE, polling, async () => {
      const result = await deliverPendingEmail(systemContext(options), mail);
      if (result.sent + result.retrying + result.failed > 0)
        log.info({ module: 'outbox', ...result }, 'e-mail delivered');
    });
  }

  const outbox: Outbox = {
    emailEnabled: mail !== undefined,
    nudge: () => {
      if (!mail) return;
      boss
        .send(MAIL_QUEUE, {})
        .then(() => mailWorker && boss.notifyWorker(mailWorker))
        .catch((error) => log.warn({ module: 'outbox', err: error }, 'could not enqueue e-mail delivery'));
    },
  };
  return {
    outbox,
    triggerTick: async () => {
      await boss.send(TICK_QUEUE, {});
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
