/**
 * What a bench run reports: the figures of each target (embedded, external PostgreSQL), their ratios
 * to the raw SQL and to the bare Fastify route, issue 7's targets met or missed, and the results file
 * bench/results/<date>.json (merged, so a team run and a city run of one day are both kept).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import type { PageTimings } from './chromium.ts';
import type { LatencySummary } from './load.ts';
import type { NoteWrites, RateAndMax } from './scenarios.ts';

export interface SeedFigures {
  /** The whole `caseload seed-demo` command: process start, migrations, loading. */
  readonly ms: number;
  /** The loading alone, as the generator reports it (elapsedMs). */
  readonly loadMs: number;
  /** Rows of every table the generator counts (audit events included). */
  readonly rows: number;
  /** rows per second of loading. */
  readonly rowsPerSecond: number;
  readonly counts: Record<string, number>;
}

export interface TargetResult {
  readonly database: 'embedded' | 'external';
  readonly postgres: string;
  readonly seed: SeedFigures;
  readonly startup: {
    readonly firstStartMs: number;
    readonly restartMs: number;
    readonly firstTickMs: number | null;
  };
  readonly worklist: { readonly rows: number; readonly api: RateAndMax; readonly sql: RateAndMax };
  readonly ratios: Record<string, number>;
  readonly notes: NoteWrites;
  readonly search: LatencySummary & { readonly queries: number };
  readonly reassessment: { totalMs: number; assessed: number; changed: number; at: string };
  readonly page: PageTimings | { readonly error: string };
  readonly memory: { appPeakRssMiB: number | null; postgresPeakPssMiB: number | null };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** API ÷ SQL and API ÷ bare: latency at the fixed rate (p50, p99) and maximum throughput. */
export function ratiosOf(api: RateAndMax, sql: RateAndMax, bare: RateAndMax): Record<string, number> {
  return {
    apiToSqlP50: ratio(api.fixedRate.p50Ms, sql.fixedRate.p50Ms),
    apiToSqlP99: ratio(api.fixedRate.p99Ms, sql.fixedRate.p99Ms),
    apiToSqlThroughput: ratio(api.max.throughput, sql.max.throughput),
    apiToBareP50: ratio(api.fixedRate.p50Ms, bare.fixedRate.p50Ms),
    apiToBareP99: ratio(api.fixedRate.p99Ms, bare.fixedRate.p99Ms),
    apiToBareThroughput: ratio(api.max.throughput, bare.max.throughput),
  };
}

const errorCount = (s: LatencySummary) => Object.values(s.errors).reduce((a, b) => a + b, 0);
const errs = (s: LatencySummary) =>
  errorCount(s) ? `  ⚠ ${errorCount(s)} errors ${JSON.stringify(s.errors)}` : '';
const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n} ms`);

/** The figures of one target as rows of a table. */
export function figureRows(r: TargetResult, bare: RateAndMax): Record<string, string> {
  const { api, sql } = r.worklist;
  const lat = (s: LatencySummary) => `p50 ${s.p50Ms} / p90 ${s.p90Ms} / p99 ${s.p99Ms} / max ${s.maxMs} ms`;
  const page =
    'error' in r.page ? `failed: ${r.page.error}` : `${r.page.warmMedianMs} ms (cold ${r.page.coldMs} ms)`;
  // A saturated run's latencies are queueing time: its latency ratios say only "could not keep up".
  const saturated =
    api.fixedRate.saturated || sql.fixedRate.saturated
      ? '  (latency ratios: a fixed-rate run saturated)'
      : '';
  return {
    'seed: command · loading · rows/s': `${(r.seed.ms / 1000).toFixed(1)} s · ${(r.seed.loadMs / 1000).toFixed(1)} s · ${r.seed.rowsPerSecond} rows/s (${r.seed.rows} rows)`,
    'worklist rows (adviser)': String(r.worklist.rows),
    'worklist API @ fixed rate': lat(api.fixedRate) + errs(api.fixedRate),
    'worklist SQL @ fixed rate': lat(sql.fixedRate) + errs(sql.fixedRate),
    'bare Fastify @ fixed rate': lat(bare.fixedRate) + errs(bare.fixedRate),
    'worklist API max throughput': `${api.max.throughput} req/s (p99 ${api.max.p99Ms} ms)${errs(api.max)}`,
    'worklist SQL max throughput': `${sql.max.throughput} q/s (p99 ${sql.max.p99Ms} ms)`,
    'bare Fastify max throughput': `${bare.max.throughput} req/s`,
    'ratio API/SQL p50 · p99 · throughput': `${r.ratios.apiToSqlP50}× · ${r.ratios.apiToSqlP99}× · ${r.ratios.apiToSqlThroughput}×${saturated}`,
    'ratio API/bare p50 · p99 · throughput': `${r.ratios.apiToBareP50}× · ${r.ratios.apiToBareP99}× · ${r.ratios.apiToBareThroughput}×${saturated}`,
    'note write (one request, fileNow)': `${r.notes.notesPerSecond} notes/s, p50 ${r.notes.perNote.p50Ms} / p99 ${r.notes.perNote.p99Ms} ms (${r.notes.writers} writers)${errs(r.notes.perNote)}`,
    'note write (draft + file)': `${r.notes.draftThenFile.notesPerSecond} notes/s, p50 ${r.notes.draftThenFile.perNote.p50Ms} / p99 ${r.notes.draftThenFile.perNote.p99Ms} ms (${r.notes.writers} writers)${errs(r.notes.draftThenFile.perNote)}`,
    'search (sequential)': `p50 ${r.search.p50Ms} / p95 ${r.search.p95Ms} ms over ${r.search.requests} (${r.search.queries} queries)${errs(r.search)}`,
    'daily re-assessment': `${ms(r.reassessment.totalMs)}: ${r.reassessment.assessed} assessed, ${r.reassessment.changed} changed`,
    'start-up to ready (existing data)': `${ms(r.startup.restartMs)} (first after seeding ${ms(r.startup.firstStartMs)}, its first tick ${ms(r.startup.firstTickMs)})`,
    'worklist page, rows visible (warm median)': page,
    'peak RSS app · PostgreSQL (Pss)': `${r.memory.appPeakRssMiB ?? '—'} MiB · ${r.memory.postgresPeakPssMiB ?? '—'} MiB`,
  };
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Issue 7's targets (set for city size on a 2-core machine) against one target's figures. */
export function checkTargets(r: TargetResult, initialJsGzipKiB: number): TargetCheck[] {
  const { api } = r.worklist;
  const clean = (s: LatencySummary) => errorCount(s) === 0;
  const page = 'error' in r.page ? null : r.page.warmMedianMs;
  return [
    {
      target: 'worklist p99 ≤ 20 ms at 200 req/s',
      measured: ms(api.fixedRate.p99Ms),
      met: clean(api.fixedRate) && api.fixedRate.p99Ms <= 20,
    },
    {
      target: 'worklist p99 ≤ 1.5 × raw SQL p99',
      measured: `${r.ratios.apiToSqlP99}×`,
      met: clean(api.fixedRate) && (r.ratios.apiToSqlP99 ?? Infinity) <= 1.5,
    },
    {
      target: 'note write ≥ 500 notes/s',
      measured: `${r.notes.notesPerSecond}/s`,
      met: clean(r.notes.perNote) && r.notes.notesPerSecond >= 500,
    },
    {
      target: 'note write p99 ≤ 30 ms',
      measured: ms(r.notes.perNote.p99Ms),
      met: clean(r.notes.perNote) && r.notes.perNote.p99Ms <= 30,
    },
    {
      target: 'search p95 ≤ 50 ms',
      measured: ms(r.search.p95Ms),
      met: clean(r.search) && r.search.p95Ms <= 50,
    },
    {
      target: 're-assessment of open cases ≤ 3 s',
      measured: ms(r.reassessment.totalMs),
      met: r.reassessment.totalMs <= 3000,
    },
    { target: 'start-up ≤ 3 s', measured: ms(r.startup.restartMs), met: r.startup.restartMs <= 3000 },
    { target: 'worklist rows visible ≤ 1 s', measured: ms(page), met: page !== null && page <= 1000 },
    {
      target: 'initial JS ≤ 250 KB gzipped',
      measured: `${initialJsGzipKiB} KiB`,
      met: initialJsGzipKiB <= 250,
    },
  ];
}

/** Prints the figures and the targets of one target. */
export function printTarget(label: string, r: TargetResult, bare: RateAndMax, jsKiB: number): TargetCheck[] {
  console.log(`\n== ${label} ==`);
  console.table(figureRows(r, bare));
  const checks = checkTargets(r, jsKiB);
  console.table(
    checks.map((c) => ({ target: c.target, measured: c.measured, result: c.met ? 'met' : 'MISSED' })),
  );
  return checks;
}

export async function machine(postgres: Record<string, string>) {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
  };
}

/**
 * Merges this run into bench/results/<date>.json: runs[size] is replaced for the targets measured
 * now, and other sizes (and other keys of the file) are kept.
 */
export async function writeResults(size: string, run: Record<string, unknown>, machineInfo: object) {
  const date = new Date().toISOString();
  const file = path.join(projectRoot, 'bench', 'results', `${date.slice(0, 10)}.json`);
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // no results yet today
  }
  const runs = (existing.runs ?? {}) as Record<string, Record<string, unknown>>;
  runs[size] = { ...(runs[size] ?? {}), ...run, date };
  const merged = { ...existing, date, machine: machineInfo, runs };
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
  return path.relative(projectRoot, file);
}
