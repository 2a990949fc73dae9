/**
 * `npm run bench` — the foundation's measurements on this machine:
 *   argon2id hash and verify time (the cost of every sign-in),
 *   start-up to ready on a fresh and on an existing data folder (embedded PostgreSQL),
 *   GET /api/health latency through real HTTP (p50 / p99 over sequential requests).
 * Prints a table and writes bench/results/<date>.json. Later issues add the caseload benchmarks.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config.ts';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/services/auth/passwords.ts';
import { makeTempDataDir } from '../src/store/embedded-postgres.ts';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

async function timeArgon2(runs = 20) {
  const hashes: number[] = [];
  const verifies: number[] = [];
  let last = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await hashPassword(`bench passphrase number ${i}`);
    hashes.push(performance.now() - t0);
    const t1 = performance.now();
    await verifyPassword(last, `bench passphrase number ${i}`);
    verifies.push(performance.now() - t1);
  }
  hashes.sort((a, b) => a - b);
  verifies.sort((a, b) => a - b);
  return {
    runs,
    params: ARGON2_OPTIONS,
    hashMedianMs: round(quantile(hashes, 0.5)),
    verifyMedianMs: round(quantile(verifies, 0.5)),
  };
}

interface Server {
  readyMs: number;
  port: number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, webDist: string): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/caseload.mjs'), 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      CASELOAD_DATA_DIR: dataDir,
      CASELOAD_WEB_DIST: webDist,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      log += d;
      const m = /"msg":"Server listening at http:\/\/127\.0\.0\.1:(\d+)"/.exec(log);
      if (m && log.includes('Caseload is ready')) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
  const readyMs = performance.now() - t0;
  return {
    readyMs,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function healthLatency(port: number, requests = 2000) {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) await (await fetch(`http://127.0.0.1:${port}/api/health`)).arrayBuffer();
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { requests, p50Ms: round(quantile(times, 0.5)), p99Ms: round(quantile(times, 0.99)) };
}

const dataDir = await makeTempDataDir('caseload-bench-');
const webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-bench-web-'));
await fs.writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
try {
  const argon2 = await timeArgon2();
  const fresh = await startServer(dataDir, webDist);
  await fresh.stop();
  const existing = await startServer(dataDir, webDist);
  const health = await healthLatency(existing.port);
  await existing.stop();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    argon2,
    startup: {
      freshDataFolderMs: Math.round(fresh.readyMs),
      existingDataFolderMs: Math.round(existing.readyMs),
    },
    health,
  };
  console.table({
    'argon2id hash (median)': `${argon2.hashMedianMs} ms`,
    'argon2id verify (median)': `${argon2.verifyMedianMs} ms`,
    'start-up, fresh data folder': `${results.startup.freshDataFolderMs} ms`,
    'start-up, existing data folder': `${results.startup.existingDataFolderMs} ms`,
    'GET /api/health p50': `${health.p50Ms} ms`,
    'GET /api/health p99': `${health.p99Ms} ms`,
  });
  const file = path.join(projectRoot, 'bench', 'results', `${results.date.slice(0, 10)}.json`);
  await fs.writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(projectRoot, file)}`);
} finally {
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(webDist, { recursive: true, force: true });
}
