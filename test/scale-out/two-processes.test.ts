/**
 * Scale-out: two real app processes (`caseload serve`) on one PostgreSQL, used as a load balancer
 * without sticky sessions would use them — any request to either. A session made on one works on
 * the other (CSRF included) and ends on both; writes through both keep one valid audit chain; and
 * scheduled work run by both processes' job queues has each effect once: one daily re-assessment,
 * one key-date reminder (one notification, one e-mail).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { addCalendarDays, todayIn } from '../../src/domain/time/calendar.ts';
import { JOB_SCHEMA, TICK_QUEUE } from '../../src/jobs/queue.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { makeTempDataDir } from '../../src/store/embedded-postgres.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertUser, TEST_PASSWORD } from '../factories.ts';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '../smtp.ts';

const t = setupTestDatabase();
/** Sign-in attempts a minute per address: the file signs in a few times before the limit's test. */
const LOGIN_LIMIT = 8;
const BIN = path.join(projectRoot, 'bin', 'caseload.mjs');

interface Server {
  readonly name: string;
  readonly base: string;
  /** The process's log lines, parsed. */
  readonly lines: Array<{ level: number; msg?: string; module?: string } & Record<string, unknown>>;
  /** How many ticks this process has finished. */
  ticks(): number;
  /** The sum of a count over this process's finished ticks (their logged summaries). */
  tickSum(field: 'dailyRuns' | 'reminders'): number;
  stop(): Promise<void>;
}

/** Starts `caseload serve` on the test database and resolves when it says it is ready. */
async function startServer(name: string, env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  const lines: Server['lines'] = [];
  let output = '';
  let pending = '';
  const port = await new Promise<number>((resolve, reject) => {
    let port: number | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as Server['lines'][number];
        lines.push(parsed);
        const listening = /^Server listening at http:\/\/127\.0\.0\.1:(\d+)$/.exec(parsed.msg ?? '');
        if (listening) port = Number(listening[1]);
        if (parsed.msg?.startsWith('Caseload is ready') && port) resolve(port);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server ${name} exited ${code}:\n${output}`)));
  });
  const tickLines = () => lines.filter((l) => l.module === 'jobs' && l.msg === 'tick done');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    base: `http://127.0.0.1:${port}`,
    lines,
    ticks: () => tickLines().length,
    tickSum: (field) => tickLines().reduce((sum, l) => sum + Number(l[field] ?? 0), 0),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

async function call(
  server: Server,
  method: 'GET' | 'POST',
  url: string,
  options: { session?: Session; body?: object; csrf?: boolean } = {},
) {
  const headers: Record<string, string> = {};
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (options.csrf !== false) headers['x-csrf-token'] = options.session.csrfToken;
  }
  if (options.body) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers,
    ...(options.body ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

let smtp: TestSmtpServer;
let boss: PgBoss | undefined;
let scratch: string[] = [];
let servers: Server[] = [];
let a: Server;
let b: Server;
let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const org = await insertOrganisation(t.db);
  const owner = await insertUser(t.db, { orgId: org.id });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id });
  return { org, owner, theCase };
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-scale-web-'));
  await fs.writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Caseload</title>');
  // Unused with DATABASE_URL, but never the checkout's ./data.
  const dataDir = await makeTempDataDir('caseload-scale-');
  scratch = [webDist, dataDir];
  // Made before the processes start, so their first ticks find the case for the daily run.
  world = await makeWorld();
  const env = {
    DATABASE_URL: t.url,
    DATABASE_POOL_SIZE: '4',
    CASELOAD_DATA_DIR: dataDir,
    CASELOAD_WEB_DIST: webDist,
    CASELOAD_SMTP_URL: smtp.url,
    CASELOAD_PUBLIC_URL: 'https://caseload.example.org',
    CASELOAD_LOGIN_IP_LIMIT: String(LOGIN_LIMIT),
  };
  // Both at once: they race to install the job queue's schema, as a rolling start would.
  const started = await Promise.allSettled([startServer('A', env), startServer('B', env)]);
  servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  [a, b] = servers as [Server, Server];
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await Promise.all(servers.map((s) => s.stop()));
  await smtp?.close();
  await Promise.all(scratch.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function signIn(server: Server): Promise<Session> {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.owner.email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { stage: string; csrfToken: string };
  expect(body.stage).toBe('full');
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-caseload='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrfToken: body.csrfToken };
}

describe('two app processes on one database', () => {
  it('share sessions: made on A, used and written with on B, ended on B and so on A', async () => {
    const session = await signIn(a);

    const onB = await call(b, 'GET', '/api/auth/session', { session });
    expect(onB.status).toBe(200);
    expect(onB.json.user.id).toBe(world.owner.id);
    expect(onB.json.csrfToken).toBe(session.csrfToken);
    expect((await call(b, 'GET', `/api/cases/${world.theCase.id}`, { session })).status).toBe(200);

    const action = { description: 'Ask the landlord for a rent statement', ownerKind: 'client' };
    const forged = await call(b, 'POST', `/api/cases/${world.theCase.id}/actions`, {
      session,
      body: action,
      csrf: false,
    });
    expect(forged.status).toBe(403);
    const written = await call(b, 'POST', `/api/cases/${world.theCase.id}/actions`, {
      session,
      body: action,
    });
    expect(written.status).toBe(201);
    const listedOnA = await call(a, 'GET', `/api/cases/${world.theCase.id}/actions`, { session });
    expect(listedOnA.json.actions.map((x: { id: string }) => x.id)).toContain(written.json.id);

    expect((await call(b, 'POST', '/api/auth/logout', { session })).status).toBe(204);
    expect((await call(a, 'GET', '/api/auth/session', { session })).status).toBe(401);
    expect((await call(a, 'GET', `/api/cases/${world.theCase.id}`, { session })).status).toBe(401);
  });

  it('keep one valid audit chain when both write at the same time', async () => {
    const session = await signIn(b);
    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'POST', `/api/cases/${world.theCase.id}/actions`, {
          session,
          body: { description: `Chase the council, attempt ${i + 1}`, ownerKind: 'client' },
        }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(12).fill(201));

    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(true);
    const { rows } = await sql<{ n: number; max: string }>`
      SELECT count(*)::int AS n, max(seq)::text AS max FROM audit_events WHERE org_id = ${world.org.id}
    `.execute(t.db);
    expect(Number(rows[0]?.max)).toBe(rows[0]?.n);
  });

  it('count sign-in attempts per address against one limit, whichever process gets them', async () => {
    // A fresh window for this test (the earlier tests' sign-ins counted too).
    await t.db.deleteFrom('rate_limit_hits').execute();
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      const res = await fetch(`${(i % 2 === 0 ? a : b).base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${i}@example.org`, password: 'not the password at all' }),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(((await res.json()) as { code: string }).code).toBe('RATE_LIMITED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    // Each process alone has seen only half of them: one limit across both refuses the last.
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429]);
    await t.db.deleteFrom('rate_limit_hits').execute(); // the next tests sign in
  });

  it('run scheduled work once: one daily re-assessment, one reminder, one e-mail, whichever process ticks', async () => {
    const session = await signIn(a);
    const today = todayIn(world.org.time_zone, new Date());
    const created = await call(b, 'POST', `/api/cases/${world.theCase.id}/key-dates`, {
      session,
      body: {
        kind: 'hearing',
        dueDate: addCalendarDays(today, 7),
        description: 'First-tier tribunal hearing',
      },
    });
    expect(created.status).toBe(201);

    // The 15-minute schedule, sped up: enqueue ticks as the schedule would, until both processes
    // have run ticks and at least three have run since the key date was added.
    boss = new PgBoss({
      connectionString: t.url,
      schema: JOB_SCHEMA,
      max: 2,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    const total = () => a.ticks() + b.ticks();
    const before = total();
    for (let round = 0; round < 20; round++) {
      if (total() - before >= 3 && a.ticks() > 0 && b.ticks() > 0) break;
      const seen = total();
      await boss.send(TICK_QUEUE, {});
      await eventually(async () => (total() > seen ? true : undefined), 'a tick to run');
    }
    expect(a.ticks()).toBeGreaterThan(0);
    expect(b.ticks()).toBeGreaterThan(0);
    expect(total() - before).toBeGreaterThanOrEqual(3);

    // What each process's ticks did, as they logged it: one daily run and one reminder in all.
    const sum = (field: 'dailyRuns' | 'reminders') => a.tickSum(field) + b.tickSum(field);
    expect(sum('dailyRuns')).toBe(1);
    expect(sum('reminders')).toBe(1);

    const reminders = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', world.owner.id)
      .where('kind', '=', 'key-date-reminder')
      .execute();
    expect(reminders).toHaveLength(1);
    await smtp.waitFor((m) => m.to.includes(world.owner.email), 1);
    expect(smtp.to(world.owner.email).map((m) => m.subject)).toEqual([
      `${world.theCase.reference}: key date reminder`,
    ]);

    const daily = await t.db
      .selectFrom('assessments')
      .select('id')
      .where('case_id', '=', world.theCase.id)
      .where('trigger', '=', 'daily')
      .execute();
    expect(daily).toHaveLength(1);
    const org = await t.db
      .selectFrom('organisations')
      .select('daily_run_on')
      .where('id', '=', world.org.id)
      .executeTakeFirstOrThrow();
    expect(org.daily_run_on).toBe(today);

    const { rows: failed } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed'
    `.execute(t.db);
    expect(failed[0]?.n).toBe(0);
    for (const server of servers) expect(server.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
