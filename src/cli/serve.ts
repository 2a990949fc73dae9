import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../api/app.ts';
import { type Config, projectRoot } from '../config.ts';
import { scheduleSessionExpiry } from '../jobs/expire-sessions.ts';
import { systemClock } from '../services/context.ts';
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
  const app = await buildApp(config, { db: database.db, dbKind: database.kind, clock: systemClock });
  const stopExpiry = scheduleSessionExpiry(database.db, config, systemClock);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopExpiry();
    await app.close().catch((error) => app.log.error({ err: error }, 'closing the server failed'));
    await database.close().catch((error) => app.log.error({ err: error }, 'stopping the database failed'));
    app.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use on ${config.host}: stop the other server or set PORT.`
        : (error as Error).message,
    );
  }
  const readyMs = Math.round(performance.now() - started);
  app.log.info(
    { database: database.kind, readyMs },
    `Caseload is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
  );
}
