/**
 * What the bench does on the database directly, beside the app: the worklist's own SQL through `pg`
 * (compiled from the very builder the app runs, so text and parameters are the same), the daily
 * re-assessment in-process, and the throw-away databases of an external PostgreSQL run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ServiceContext } from '../../src/services/context.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { createDb, withDatabase } from '../../src/store/db.ts';
import { embeddedUrl, findRunningCluster } from '../../src/store/embedded-postgres.ts';
import { findUserByEmail, loadActor } from '../../src/store/users.ts';
import { worklistCasesQuery } from '../../src/store/worklist.ts';
import type { Operation } from './load.ts';
import { onCleanup } from './processes.ts';

/** The URL of the `caseload` database of the embedded server running on `dataDir`. */
export async function embeddedDatabaseUrl(dataDir: string): Promise<string> {
  const running = await findRunningCluster(dataDir);
  if (!running) throw new Error(`no embedded PostgreSQL is running on ${dataDir}`);
  return withDatabase(await embeddedUrl(dataDir, running.port), 'caseload');
}

/**
 * Creates `caseload_bench_<size>_<random>` on the server of `serverUrl`; drop() — or the clean-up,
 * whichever comes first — drops it (WITH (FORCE): no connection left keeps it).
 */
export async function createBenchDatabase(
  serverUrl: string,
  size: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `caseload_bench_${size}_${randomBytes(4).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  const client = admin();
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const drop = onCleanup(`database ${name}`, async () => {
    const c = admin();
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  return { url: withDatabase(serverUrl, name), drop };
}

/** The PostgreSQL server's version (e.g. "18.1"). */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?'
    );
  } finally {
    await client.end();
  }
}

export interface WorklistSql {
  /** The compiled SQL, for the results file. */
  readonly sql: string;
  readonly rows: number;
  readonly op: Operation;
  close(): Promise<void>;
}

/**
 * The adviser's worklist query (scope `mine`, now) compiled from the app's builder and run through a
 * `pg` pool of `poolSize` connections (the app's default DATABASE_POOL_SIZE is 10).
 * @throws when the adviser is not found
 */
export async function worklistSql(url: string, adviserEmail: string, poolSize = 10): Promise<WorklistSql> {
  const db = createDb({ url, poolSize: 1, applicationName: 'caseload-bench' });
  let compiled: { sql: string; parameters: readonly unknown[] };
  try {
    const user = await findUserByEmail(db, adviserEmail);
    const actor = user && (await loadActor(db, user.org_id, user.id));
    if (!actor) throw new Error(`no user ${adviserEmail}`);
    const query = worklistCasesQuery(db, { actor, scope: { kind: 'mine' }, now: new Date() });
    if (!query) throw new Error('the worklist query is empty for scope mine');
    compiled = query.compile();
  } finally {
    await db.destroy();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'caseload-bench' });
  pool.on('error', () => undefined);
  const params = [...compiled.parameters];
  const first = await pool.query(compiled.sql, params);
  return {
    sql: compiled.sql,
    rows: first.rowCount ?? 0,
    op: async () => {
      await pool.query(compiled.sql, params);
      return { ok: true };
    },
    close: () => pool.end(),
  };
}

/**
 * The daily re-assessment of every open case of `orgId`, in this process, as the 15-minute tick runs
 * it, with the clock at `at` (a day after the data's as-of date, so the time-based criteria move).
 */
export async function timeDailyReassessment(url: string, orgId: string, at: Date) {
  const db = createDb({ url, poolSize: 2, applicationName: 'caseload-bench' });
  try {
    const ctx: ServiceContext = { db, clock: { now: () => new Date(at) } };
    const t0 = performance.now();
    const { assessed, changed } = await reassessOpenCases(ctx, orgId, 'daily');
    return { totalMs: Math.round(performance.now() - t0), assessed, changed, at: at.toISOString() };
  } finally {
    await db.destroy();
  }
}
