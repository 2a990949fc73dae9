/**
 * `npm run bench [-- --size small|team|city] [--seed N] [--external <url>] [--only embedded|external]
 * [--short] [--cpu-prof <dir>]` — the caseload at scale on this machine, side by side with the raw SQL and a bare Fastify
 * route (bench/README.md says what each figure means and how it is measured).
 *
 * For each target (the embedded PostgreSQL always; an external one with --external or DATABASE_URL,
 * in a throw-away database): seed-demo, then the worklist API and its SQL at a fixed rate and at
 * maximum throughput, search, note writes, the daily re-assessment, start-up, the worklist page in
 * Chromium and peak memory. Prints a table per target with issue 7's targets met or missed, and
 * merges the figures into bench/results/<date>.json. Everything it starts is stopped and every
 * temporary folder and database removed, also on errors and Ctrl-C.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { loadConfig, projectRoot } from '../src/config.ts';
import { makeTempDataDir } from '../src/store/embedded-postgres.ts';
import { initialJsGzipKiB } from './lib/chromium.ts';
import { createBenchDatabase } from './lib/database.ts';
import { getOperation, httpClient } from './lib/http.ts';
import { cleanUpAll, cleanUpOnSignals, onCleanup, startBareServer } from './lib/processes.ts';
import { machine, printTarget, type TargetResult, writeResults } from './lib/report.ts';
import { rateAndMax } from './lib/scenarios.ts';
import { runTarget, type TargetSpec } from './lib/target.ts';

const usage =
  'usage: npm run bench -- [--size small|team|city] [--seed N] [--external <postgres url>] ' +
  '[--only embedded|external] [--short] [--cpu-prof <dir>]';

/** Exits with the usage line when the options are wrong (nothing started yet). */
function usageError(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(64);
}

const { values: opts } = (() => {
  try {
    return parseArgs({
      options: {
        size: { type: 'string', default: 'team' },
        seed: { type: 'string', default: '1' },
        external: { type: 'string' },
        only: { type: 'string' },
        short: { type: 'boolean', default: false },
        'cpu-prof': { type: 'string' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
})();
const size = opts.size ?? 'team';
if (!['small', 'team', 'city'].includes(size)) usageError('--size must be small, team or city');
if (!/^\d+$/.test(opts.seed ?? '')) usageError('--seed must be a whole number');
if (opts.only && !['embedded', 'external'].includes(opts.only))
  usageError('--only must be embedded or external');
const externalUrl = opts.external ?? loadConfig().databaseUrl;
const targets = (['embedded', 'external'] as const).filter(
  (t) => (opts.only ? opts.only === t : true) && (t === 'embedded' || externalUrl),
);
if (targets.length === 0) usageError('--only external needs --external <url> or DATABASE_URL');
// --cpu-prof <dir>: each app server run writes a V8 CPU profile there (open it in Chrome DevTools).
const nodeArgs = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts['cpu-prof'])}`] : [];

// --short: a smoke run of the harness (5 s phases), not figures to keep.
const plan = opts.short
  ? {
      rate: 200,
      rateSeconds: 5,
      concurrency: 16,
      maxSeconds: 3,
      noteWriters: 4,
      noteSeconds: 5,
      searches: 50,
    }
  : {
      rate: 200,
      rateSeconds: 30,
      concurrency: 16,
      maxSeconds: 10,
      noteWriters: 4,
      noteSeconds: 20,
      searches: 300,
    };
const asOf = new Date().toISOString().slice(0, 10);
const password = `bench-${Math.random().toString(36).slice(2)}-passphrase`;

async function buildWeb(): Promise<string> {
  const webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-bench-web-'));
  onCleanup('web build', () => fs.rm(webDist, { recursive: true, force: true }));
  console.error('building the web app…');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webDist, emptyOutDir: true },
  });
  return webDist;
}

async function measureBare() {
  const bare = await startBareServer();
  const client = httpClient(bare.base);
  try {
    console.error('bare Fastify route (the ceiling)…');
    return await rateAndMax(getOperation(client, '/', null), plan, 'bare Fastify');
  } finally {
    await client.close();
    await bare.stop();
  }
}

async function main(): Promise<number> {
  const webDist = await buildWeb();
  const js = await initialJsGzipKiB(webDist);
  const bare = await measureBare();
  const results: Partial<Record<'embedded' | 'external', TargetResult>> = {};
  const postgres: Record<string, string> = {};
  let missed = 0;
  for (const database of targets) {
    let dataDir: string | null = null;
    let databaseUrl: string | null = null;
    let remove: () => Promise<void>;
    if (database === 'embedded') {
      const dir = await makeTempDataDir('caseload-bench-');
      remove = onCleanup('embedded data folder', () => fs.rm(dir, { recursive: true, force: true }));
      dataDir = dir;
    } else {
      const created = await createBenchDatabase(externalUrl ?? '', size);
      databaseUrl = created.url;
      remove = created.drop;
    }
    const spec: TargetSpec = {
      database,
      dataDir,
      databaseUrl,
      size,
      seed: Number(opts.seed),
      password,
      asOf,
      webDist,
      plan,
      bare,
      nodeArgs,
    };
    const result = await runTarget(spec);
    await remove(); // a city's data is gigabytes: gone before the next target starts
    results[database] = result;
    postgres[database] = result.postgres;
    const checks = printTarget(
      `${size}, ${database} PostgreSQL ${result.postgres}`,
      result,
      bare,
      js.gzipKiB,
    );
    missed += checks.filter((c) => !c.met).length;
  }
  if (opts.short) {
    console.log('\n--short: a smoke run of the harness; nothing written to bench/results');
  } else {
    const run = { ...results, bare, initialJs: js, plan, seed: Number(opts.seed), asOf };
    console.log(`\nwritten to ${await writeResults(size, run, await machine(postgres))}`);
  }
  console.log(
    `targets (set for city size): ${missed === 0 ? 'all met' : `${missed} missed`}${size === 'city' ? '' : ` — this was a ${size} run`}`,
  );
  return 0;
}

cleanUpOnSignals();
let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('bench failed:', error);
} finally {
  await cleanUpAll();
}
process.exit(code);
