/**
 * One target of a bench run — the embedded PostgreSQL or an external one — from seeding to the last
 * figure: seed-demo, the app server, the worklist through the API and as raw SQL, search, note
 * writes, the daily re-assessment, a restart, the worklist page in Chromium, and memory throughout.
 */
import { timeWorklistPage } from './chromium.ts';
import { embeddedDatabaseUrl, serverVersion, timeDailyReassessment, worklistSql } from './database.ts';
import { httpClient, signIn } from './http.ts';
import { sampleMemory } from './memory.ts';
import { runCaseload, startAppServer } from './processes.ts';
import { ratiosOf, type SeedFigures, type TargetResult } from './report.ts';
import {
  type LoadPlan,
  type RateAndMax,
  rateAndMax,
  searchSequentially,
  worklistCaseIds,
  worklistOperation,
  writeNotes,
} from './scenarios.ts';

export interface TargetSpec {
  readonly database: 'embedded' | 'external';
  /** Embedded: the data folder; external: the URL of the throw-away database. */
  readonly dataDir: string | null;
  readonly databaseUrl: string | null;
  readonly size: string;
  readonly seed: number;
  readonly password: string;
  /** The data's as-of date (YYYY-MM-DD); the daily re-assessment runs a day later. */
  readonly asOf: string;
  readonly webDist: string;
  readonly plan: LoadPlan & {
    readonly noteWriters: number;
    readonly noteSeconds: number;
    readonly searches: number;
  };
  readonly bare: RateAndMax;
  /** Node flags for the app server (--cpu-prof: a CPU profile of each app run). */
  readonly nodeArgs: readonly string[];
}

export interface SeedOutput {
  readonly organisationId: string;
  /** The generator's own loading time (without process start and migrations), when it reports it. */
  readonly elapsedMs?: number;
  readonly counts: Record<string, number>;
  readonly accounts: { readonly adviser: string; readonly supervisor: string; readonly admin: string };
}

const TICK_DONE = /"msg":"tick done"/;

/** Loads the generated caseload with `caseload seed-demo`; times it. */
async function seed(spec: TargetSpec, env: Record<string, string>) {
  const t0 = performance.now();
  const out = await runCaseload(
    [
      'seed-demo',
      '--size',
      spec.size,
      '--seed',
      String(spec.seed),
      '--password',
      spec.password,
      '--json',
      '--as-of',
      spec.asOf,
    ],
    env,
  );
  const ms = Math.round(performance.now() - t0);
  const last = out.trim().split('\n').at(-1) ?? '';
  const info = JSON.parse(last) as SeedOutput;
  // Every table's rows (openCases is a subset of cases, not a table).
  const rows = Object.entries(info.counts)
    .filter(([k]) => k !== 'openCases')
    .reduce((n, [, v]) => n + v, 0);
  const loadMs = info.elapsedMs ?? ms;
  const figures: SeedFigures = {
    ms,
    loadMs,
    rows,
    rowsPerSecond: Math.round(rows / (loadMs / 1000)),
    counts: info.counts,
  };
  return { info, figures };
}

/** Runs every measurement of one target; stops what it started (the caller cleans up on errors). */
export async function runTarget(spec: TargetSpec): Promise<TargetResult> {
  const dbEnv: Record<string, string> = spec.databaseUrl
    ? { DATABASE_URL: spec.databaseUrl }
    : { CASELOAD_DATA_DIR: spec.dataDir ?? '' };
  console.error(`[${spec.database}] seeding ${spec.size} (seed ${spec.seed})…`);
  const { info, figures } = await seed(spec, dbEnv);
  const env = { ...dbEnv, CASELOAD_WEB_DIST: spec.webDist };
  const email = info.accounts.adviser;

  console.error(`[${spec.database}] starting the app…`);
  const server = await startAppServer(env, { nodeArgs: spec.nodeArgs });
  const memory = sampleMemory(server.pid, spec.database === 'embedded' ? spec.dataDir : null);
  // The first tick (daily re-assessment, alerts) runs at start-up: let it finish before measuring.
  const tickStart = performance.now();
  const firstTickMs = await server
    .waitForLog(TICK_DONE, 600_000)
    .then(() => Math.round(performance.now() - tickStart))
    .catch(() => null);
  const client = httpClient(server.base);
  const session = await signIn(client, email, spec.password);
  const caseIds = await worklistCaseIds(client, session);
  const api = await rateAndMax(worklistOperation(client, session), spec.plan, 'worklist API');

  const url = spec.databaseUrl ?? (await embeddedDatabaseUrl(spec.dataDir ?? ''));
  const postgres = await serverVersion(url);
  const sqlRun = await worklistSql(url, email);
  const sql = await rateAndMax(sqlRun.op, spec.plan, 'worklist SQL').finally(() => sqlRun.close());

  const search = await searchSequentially(client, session, spec.plan.searches);
  const notes = await writeNotes(client, session, caseIds, spec.plan.noteWriters, spec.plan.noteSeconds);
  await client.close();

  console.error(`[${spec.database}] daily re-assessment (app idle)…`);
  const at = new Date(`${spec.asOf}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  const reassessment = await timeDailyReassessment(url, info.organisationId, at);
  await server.stop();

  console.error(`[${spec.database}] restart on the existing data…`);
  const again = await startAppServer(env, { nodeArgs: spec.nodeArgs });
  memory.watchApp(again.pid);
  await again.waitForLog(TICK_DONE, 120_000).catch(() => undefined);
  console.error(`[${spec.database}] the worklist page in Chromium…`);
  const page = await timeWorklistPage(again.base, { email, password: spec.password }).catch(
    (error: Error) => ({
      error: error.message.split('\n')[0] ?? 'failed',
    }),
  );
  const mem = await memory.stop();
  await again.stop();

  return {
    database: spec.database,
    postgres,
    seed: figures,
    startup: { firstStartMs: Math.round(server.readyMs), restartMs: Math.round(again.readyMs), firstTickMs },
    worklist: { rows: sqlRun.rows, api, sql },
    ratios: ratiosOf(api, sql, spec.bare),
    notes,
    search,
    reassessment,
    page,
    memory: mem,
  };
}
