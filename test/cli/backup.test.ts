/**
 * `caseload backup` / `caseload restore`, run as an operator runs them (child processes): a
 * restored copy must be identical table by table (row counts and checksums computed here, in SQL,
 * independently of the backup code), keep a verifiable audit chain, and move between the embedded
 * PostgreSQL 18 and an external PostgreSQL 15.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import {
  createDecryptStream,
  createEncryptStream,
  encodeRecord,
  RecordType,
  type RecordTypeCode,
  readRecords,
} from '../../src/store/backup/archive.ts';
import { createDb, ensureDatabase, migrateToLatest, withDatabase } from '../../src/store/db.ts';
import {
  type EmbeddedServer,
  makeTempDataDir,
  startEmbeddedPostgres,
} from '../../src/store/embedded-postgres.ts';
import { SEEDED_TABLES, seedClientEverywhere } from '../data-protection/client-everywhere.ts';
import { setupTestDatabase } from '../db.ts';

const t = setupTestDatabase();
const BIN = path.join(projectRoot, 'bin', 'caseload.mjs');
const PASSPHRASE = 'a backup passphrase kept apart';
let workDir = '';
let passFile = '';
const created: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function caseload(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server of `serverUrl` (dropped after the file). */
async function emptyDatabase(serverUrl: string): Promise<string> {
  const name = `${t.name}_r${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  created.push(withDatabase(serverUrl, name));
  return withDatabase(serverUrl, name);
}

/**
 * Per table: row count and md5 of every row's text, in byte order — computed by PostgreSQL,
 * independently of the backup code (the migrator's lock row is not data).
 */
async function fingerprints(url: string): Promise<Map<string, string>> {
  return withClient(url, async (c) => {
    await c.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1`);
    const tables = await c.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'kysely_migration_lock'`,
    );
    const out = new Map<string, string>();
    for (const { tablename } of tables.rows) {
      const { rows } = await c.query<{ n: string; sum: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text COLLATE "C"), '')) AS sum
           FROM public.${c.escapeIdentifier(tablename)} x`,
      );
      out.set(tablename, `${rows[0]?.n} rows ${rows[0]?.sum}`);
    }
    return out;
  });
}

function mismatches(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).map((n) => `${n}: ${a.get(n)} vs ${b.get(n)}`);
}

const rowsIn = async (url: string) =>
  [...(await fingerprints(url))]
    .filter(([name]) => name !== 'kysely_migration')
    .reduce((s, [, v]) => s + Number(v.split(' ')[0]), 0);

const backup = (url: string, out: string) =>
  caseload(['backup', '--out', out, '--passphrase-file', passFile, '--database-url', url]);
const restore = (url: string, file: string, pass = passFile) =>
  caseload(['restore', '--in', file, '--passphrase-file', pass, '--database-url', url]);

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caseload-backup-test-'));
  passFile = path.join(workDir, 'passphrase');
  await fs.writeFile(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  const seeded = await seedClientEverywhere(t.db);
  // A large, incompressible document: the archive spans many encrypted chunks, and bytea round-trips.
  const content = randomBytes(400 * 1024);
  await t.db
    .insertInto('documents')
    .values({
      org_id: seeded.orgId,
      case_id: seeded.openCaseId,
      filename: 'scan.bin',
      content_type: 'application/octet-stream',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploaded_by: seeded.ownerId,
      uploaded_at: new Date('2026-03-01T10:15:30.123456Z'),
    })
    .execute();
});

afterAll(async () => {
  for (const url of created) {
    const name = new URL(url).pathname.slice(1);
    await withClient(withDatabase(url, 'postgres'), (c) =>
      c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    ).catch(() => undefined);
  }
  await fs.rm(workDir, { recursive: true, force: true });
});

describe('caseload backup and restore (on the test server: PostgreSQL 15 in CI)', () => {
  let archive = '';

  it('restores into an empty database with 0 mismatches, and the audit chain verifies', async () => {
    archive = path.join(workDir, 'caseload.clbk');
    const made = await backup(t.url, archive);
    expect(made.stderr).not.toContain(PASSPHRASE);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Backup written to .*: \d+ tables, \d+ rows/);
    expect((await fs.stat(archive)).mode & 0o777).toBe(0o600);
    // Encrypted: no marker of the client appears in the file.
    const bytes = await fs.readFile(archive);
    expect(bytes.includes(Buffer.from('Quillfeather'))).toBe(false);
    expect(bytes.subarray(0, 4).toString()).toBe('CLBK');

    const target = await emptyDatabase(t.serverUrl);
    const loaded = await restore(target, archive);
    expect(loaded.stderr).not.toMatch(/caseload:/);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain("every table's row count and checksum match");

    const before = await fingerprints(t.url);
    const after = await fingerprints(target);
    expect(mismatches(before, after)).toEqual([]);
    for (const table of SEEDED_TABLES) expect(after.get(table)).not.toMatch(/^0 rows/);

    const verify = await caseload(['audit', 'verify', '--no-checkpoint'], { DATABASE_URL: target });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('audit log intact');

    // Identity sequences continue after the restored rows.
    await withClient(target, async (c) => {
      for (const [table, col] of [
        ['field_changes', 'id'],
        ['assessments', 'seq'],
      ] as const) {
        const { rows } = await c.query(
          `SELECT nextval(pg_get_serial_sequence('${table}', '${col}')) > max(${col}) AS ok FROM ${table}`,
        );
        expect(rows[0]?.ok).toBe(true);
      }
    });
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const before = await fingerprints(t.url);
    const run = await restore(t.url, archive);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/not empty .*restore only into a new, empty database/);
    expect(mismatches(before, await fingerprints(t.url))).toEqual([]);
  });

  it('fails clearly on a wrong passphrase and writes nothing', async () => {
    const wrong = path.join(workDir, 'wrong');
    await fs.writeFile(wrong, 'not the passphrase at all\n');
    const target = await emptyDatabase(t.serverUrl);
    const run = await restore(target, archive, wrong);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/passphrase is wrong/);
    const tables = await withClient(target, (c) =>
      c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`),
    );
    expect(tables.rows[0]?.n).toBe(0);
  });

  it('fails on an altered or cut-off archive and leaves the database empty', async () => {
    const bytes = await fs.readFile(archive);
    expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
    // Alter one byte near the end: the tables before it load, then the whole transaction rolls back.
    const altered = Buffer.from(bytes);
    const at = bytes.length - 2000;
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    const alteredFile = path.join(workDir, 'altered.clbk');
    await fs.writeFile(alteredFile, altered);
    const target = await emptyDatabase(t.serverUrl);
    const run = await restore(target, alteredFile);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/damaged or was altered \(chunk \d+\)/);
    // Tables were loaded before the altered chunk was reached (audit_events sorts early).
    expect(run.stderr).toMatch(/restore: audit_events \(\d+ rows\)/);
    expect(await rowsIn(target)).toBe(0);

    const cutFile = path.join(workDir, 'cut.clbk');
    await fs.writeFile(cutFile, bytes.subarray(0, bytes.length - 100_000));
    const cut = await restore(target, cutFile);
    expect(cut.code).toBe(65);
    expect(cut.stderr).toMatch(/incomplete/);
    expect(await rowsIn(target)).toBe(0);

    // The same empty database then takes the intact archive.
    expect((await restore(target, archive)).code).toBe(0);
    expect(mismatches(await fingerprints(t.url), await fingerprints(target))).toEqual([]);
  });

  it('rolls back a row the server refuses, naming the table but never the data', async () => {
    // Re-encrypt the archive with the client's id replaced by its surname (not a uuid).
    const records: { type: RecordTypeCode; payload: Buffer }[] = [];
    await pipeline(
      createReadStream(archive),
      createDecryptStream(PASSPHRASE),
      zlib.createGunzip(),
      async (source: AsyncIterable<Buffer>) => {
        let table = '';
        for await (const r of readRecords(source)) {
          let payload = Buffer.from(r.payload);
          if (r.type === RecordType.tableStart) table = JSON.parse(payload.toString()).table;
          if (r.type === RecordType.data && table === 'clients') {
            payload = Buffer.from(payload.toString().replace(/^[^\t]+/, 'Quillfeather'));
          }
          records.push({ type: r.type, payload });
        }
      },
    );
    const bad = path.join(workDir, 'bad-row.clbk');
    await pipeline(
      Readable.from(records.map((r) => encodeRecord(r.type, r.payload))),
      zlib.createGzip(),
      await createEncryptStream(PASSPHRASE),
      createWriteStream(bad),
    );
    const target = await emptyDatabase(t.serverUrl);
    const run = await restore(target, bad);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/Loading table clients failed \(PostgreSQL error 22P02\)/);
    expect(run.stderr).not.toContain('Quillfeather');
    expect(await rowsIn(target)).toBe(0);
  });

  it('refuses to overwrite an existing file or to work without a passphrase', async () => {
    const again = await backup(t.url, archive);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/already exists/);
    const none = await caseload(['backup', '--out', path.join(workDir, 'x.clbk'), '--database-url', t.url]);
    expect(none.code).toBe(64);
    expect(none.stderr).toMatch(/passphrase/);
  });
});

describe('moving between the embedded PostgreSQL 18 and the test server (PostgreSQL 15 in CI)', () => {
  let server: EmbeddedServer | undefined;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await makeTempDataDir('caseload-backup-embedded-');
    server = await startEmbeddedPostgres({
      dataDir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('embedded → test server → embedded, identical every way', { timeout: 60_000 }, async () => {
    if (!server) throw new Error('embedded server not started');
    // The app's database on the embedded server, as `caseload serve` creates it.
    await ensureDatabase(server.url, 'caseload');
    const embeddedDb = withDatabase(server.url, 'caseload');
    const db = createDb({ url: embeddedDb, poolSize: 2 });
    try {
      await migrateToLatest(db);
      await seedClientEverywhere(db);
    } finally {
      await db.destroy();
    }

    // Backed up through the data folder (the CLI finds the running embedded server).
    const fromEmbedded = path.join(workDir, 'embedded.clbk');
    const made = await caseload(['backup', '--out', fromEmbedded, '--passphrase-file', passFile], {
      CASELOAD_DATA_DIR: dataDir,
    });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/PostgreSQL 18\./);

    const cluster = await emptyDatabase(t.serverUrl);
    const loaded = await restore(cluster, fromEmbedded);
    expect(loaded.code).toBe(0);
    const source = await fingerprints(embeddedDb);
    expect(mismatches(source, await fingerprints(cluster))).toEqual([]);
    expect((await caseload(['audit', 'verify', '--no-checkpoint'], { DATABASE_URL: cluster })).code).toBe(0);

    // And back: the PostgreSQL 15 copy into a new database on the embedded server.
    const fromCluster = path.join(workDir, 'cluster.clbk');
    expect((await backup(cluster, fromCluster)).code).toBe(0);
    await withClient(server.url, (c) => c.query('CREATE DATABASE caseload_back'));
    const back = withDatabase(server.url, 'caseload_back');
    const returned = await restore(back, fromCluster);
    expect(returned.code).toBe(0);
    expect(mismatches(source, await fingerprints(back))).toEqual([]);
  });
});
