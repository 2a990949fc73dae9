/**
 * The processes a bench run starts — the app server, the bare Fastify server, seed-demo — and the
 * clean-up that runs whatever happens (an error, Ctrl-C): every child stopped, every temporary
 * folder and database removed, in reverse order of creation.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';

type Cleanup = () => Promise<void>;
const cleanups: { label: string; run: Cleanup }[] = [];

/** Registers a clean-up step; returns a function that runs it now (once) and forgets it. */
export function onCleanup(label: string, run: Cleanup): () => Promise<void> {
  const entry = { label, run };
  cleanups.push(entry);
  return async () => {
    const at = cleanups.indexOf(entry);
    if (at === -1) return;
    cleanups.splice(at, 1);
    await run();
  };
}

/** Runs every registered clean-up, newest first; reports failures and goes on. */
export async function cleanUpAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    if (!entry) break;
    await entry.run().catch((error) => console.error(`clean-up "${entry.label}" failed:`, error));
  }
}

/** Ctrl-C and SIGTERM clean up before leaving (a second Ctrl-C leaves at once). */
export function cleanUpOnSignals(): void {
  let interrupted = false;
  const handler = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and removing temporary data…`);
    void cleanUpAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

const caseloadBin = path.join(projectRoot, 'bin/caseload.mjs');
const runTs = path.join(projectRoot, 'bin/run-ts.mjs');

/** The environment of a child: PATH and HOME, and what the caller gives. */
const childEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  ...env,
});

/** Stops a child with SIGTERM (SIGKILL after `graceMs`); resolves when it has exited. */
function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface AppServer {
  readonly pid: number;
  readonly port: number;
  readonly base: string;
  /** From spawning the process to the 'Caseload is ready' line. */
  readonly readyMs: number;
  /**
   * Resolves at the first log line matching `pattern` (among the last 50 lines already printed, or
   * from now on); rejects after timeoutMs or when the server exits.
   */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `caseload serve` on a free port of 127.0.0.1 with `env` (CASELOAD_DATA_DIR or DATABASE_URL,
 * CASELOAD_WEB_DIST…) and waits until it is ready; `nodeArgs` go to node (e.g. --cpu-prof).
 * @throws when the server exits or is not ready within timeoutMs
 */
export async function startAppServer(
  env: Record<string, string>,
  options: { nodeArgs?: readonly string[]; timeoutMs?: number } = {},
): Promise<AppServer> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), caseloadBin, 'serve'], {
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = onCleanup(`app server ${child.pid}`, () => stopChild(child));
  const watchers = new Set<(line: string) => void>();
  let pending = '';
  let tail: string[] = [];
  const onData = (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      tail.push(line);
      if (tail.length > 50) tail = tail.slice(-50);
      for (const w of watchers) w(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const waitForLog = (pattern: RegExp, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const past = tail.find((line) => pattern.test(line));
      if (past) return resolve(past);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        watchers.delete(watch);
        child.off('exit', onExit);
        fn();
      };
      const watch = (line: string) => pattern.test(line) && done(() => resolve(line));
      const onExit = (code: number | null) =>
        done(() => reject(new Error(`the app server exited (${code}):\n${tail.join('\n')}`)));
      const timer = setTimeout(
        () => done(() => reject(new Error(`no log line ${pattern} within ${ms} ms:\n${tail.join('\n')}`))),
        ms,
      );
      watchers.add(watch);
      child.once('exit', onExit);
    });
  try {
    const listening = waitForLog(/"msg":"Server listening at http:\/\/127\.0\.0\.1:\d+"/, timeoutMs);
    listening.catch(() => undefined); // the 'ready' wait reports the failure
    await waitForLog(/Caseload is ready/, timeoutMs);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(await listening)?.[1]);
    const readyMs = performance.now() - t0;
    return { pid: child.pid ?? 0, port, base: `http://127.0.0.1:${port}`, readyMs, waitForLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The bare Fastify server (bench/bare-server.ts): the ceiling on this machine. */
export async function startBareServer(): Promise<{ base: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [runTs, path.join(projectRoot, 'bench/bare-server.ts')], {
    env: childEnv({}),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = onCleanup(`bare server ${child.pid}`, () => stopChild(child, 5_000));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
        const m = /listening on (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`the bare server exited (${code}): ${out}`)));
    });
    return { base: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs a `caseload` command to its end (stderr — progress — passes through) and answers its stdout.
 * @throws when it exits with another code than 0
 */
export async function runCaseload(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [caseloadBin, ...args], {
    env: childEnv({ LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = onCleanup(`caseload ${args[0]} ${child.pid}`, () => stopChild(child));
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await stop();
  if (code !== 0) throw new Error(`caseload ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`);
  return out;
}
