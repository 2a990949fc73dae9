import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../api/app.ts';
import { type Config, projectRoot } from '../config.ts';
import { directOutbox } from '../jobs/direct-outbox.ts';
import { scheduleSessionExpiry } from '../jobs/expire-sessions.ts';
import { type JobQueue, startJobQueue } from '../jobs/queue.ts';
import type { MailDelivery } from '../jobs/tick.ts';
import { type Outbox, systemClock } from '../services/context.ts';
import { createSmtpMailer } from '../services/mail/mailer.ts';
import { openDatabase } from '../store/db.ts';

/** Builds the web app with Vite when dist/web is missing (first `npm start` on a fresh clone). */
async function ensureWebBuilt(config: Config, log: pino.Logger) {
  if (existsSync(path.join(config.webDist, 'index.html'))) return;
  log.info('building the web app (first start)…');
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: config.webDist, emptyOutDir: true },
  });
}

export async function serveCommand(config: Config): Promise<void> {
  const started = performance.now();
  const log = pino({ level: config.logLevel });
  await ensureWebBuilt(config, log);
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    embedded: 'own',
    onLog: (line) => log.debug({ module: 'postgres' }, line.trim()),
  });
  const mail: MailDelivery | undefined = config.mail
    ? { mailer: createSmtpMailer(config.mail), publicUrl: config.publicUrl }
    : undefined;
  if (!mail) {
    log.info(
      { module: 'outbox' },
      'e-mail is off (CASELOAD_SMTP_URL is not set): notifications stay in the app',
    );
  }
  let queue: JobQueue | undefined;
  if (config.jobs) {
    const jobDeps = { db: database.db, clock: systemClock, log: log, ...(mail ? { mail } : {}) };
    queue = await startJobQueue(jobDeps);
    // A tick at start: a process started mid-day does its daily work now, not at the next quarter hour.
    await queue
      .triggerTick()
      .catch((error) => log.warn({ module: 'jobs', err: error }, 'could not enqueue the first tick'));
  } else {
    log.info({ module: 'jobs' }, 'scheduled work is off in this process (CASELOAD_JOBS=off)');
  }
  const outbox: Outbox | undefined =
    queue?.outbox ??
    (mail ? directOutbox({ db: database.db, clock: systemClock, log: log, mail }) : undefined);
  const app = await buildApp(config, {
    db: database.db,
    dbKind: database.kind,
    clock: systemClock,
    ...(outbox ? { outbox } : {}),
  });
  const stopExpiry = scheduleSessionExpiry(database.db, config, systemClock);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopExpiry();
    await app.close().catch((error) => app.log.error({ err: error }, 'closing the server failed'));
    await queue?.stop().catch((error) => app.log.error({ err: error }, 'stopping the job queue failed'));
    mail?.mailer.close();
    await database.close().catch((error) => app.log.error({ err: error }, 'stopping the database failed'));
    app.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await queue?.stop().catch(() => undefined);
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use on ${config.host}: stop the other server or set PORT.`
        : (error as Error).message,
    );
  }
  const readyMs = Math.round(performance.now() - started);
  // The port actually bound (PORT=0 asks the system for a free one).
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(
    { database: database.kind, readyMs, port },
    `Caseload is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
  );
}
