/**
 * The embedded database is for one process: two `caseload serve` started at the same moment on one
 * fresh data folder give one server and one clear refusal — never two initialisations of the
 * cluster or a password file that does not match it — and a start lock left by a process that died
 * while starting does not block the next start.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { makeTempDataDir, startLockOf } from '../../src/store/embedded-postgres.ts';

const BIN = path.join(projectRoot, 'bin', 'caseload.mjs');
const children: ChildProcess[] = [];
const scratch: string[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(scratch.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

interface Outcome {
  readonly child: ChildProcess;
  /** 'ready', or the exit code of a process that stopped before it was ready. */
  readonly result: 'ready' | number | null;
  readonly output: string;
}

/** Starts `caseload serve` on the data folder; resolves when it is ready or has exited. */
function serve(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  children.push(child);
  let output = '';
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Caseload is ready')) resolve({ child, result: 'ready', output });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => resolve({ child, result: code, output }));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the embedded database with two processes', () => {
  it('starts one server and refuses the other when both start at once on a fresh folder', async () => {
    const dataDir = await makeTempDataDir('caseload-race-');
    const webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-race-web-'));
    scratch.push(dataDir, webDist);
    await fs.writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Caseload</title>');
    const env = { CASELOAD_DATA_DIR: dataDir, CASELOAD_WEB_DIST: webDist };

    const outcomes = await Promise.all([serve(env), serve(env)]);
    const ready = outcomes.filter((o) => o.result === 'ready');
    const refused = outcomes.filter((o) => o.result !== 'ready');
    expect(ready).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.result).not.toBe(0);
    expect(refused[0]?.output).toMatch(
      /Another Caseload (server is already using|process \(pid \d+\) is starting the embedded PostgreSQL of) the data folder/,
    );
    expect(existsSync(startLockOf(dataDir))).toBe(false);
    expect(await stop((ready[0] as Outcome).child)).toBe(0);

    // A lock left by a process that died while starting: taken over. The restart also shows that
    // the password file matches the cluster that was initialised.
    const gone = spawnSync(process.execPath, ['-e', '']);
    await fs.writeFile(startLockOf(dataDir), `${gone.pid}\n`);
    const again = await serve(env);
    expect(again.result, again.output).toBe('ready');
    expect(existsSync(startLockOf(dataDir))).toBe(false);
    expect(await stop(again.child)).toBe(0);
  });
});
