/**
 * Starts one PostgreSQL for the whole run — a throw-away embedded server, or TEST_DATABASE_URL —
 * and builds a migrated template database. Each test file then clones the template (fast).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadTestConfig } from '../src/config.ts';
import { createDb, migrateToLatest, withDatabase } from '../src/store/db.ts';
import {
  type EmbeddedServer,
  makeTempDataDir,
  startEmbeddedPostgres,
} from '../src/store/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server (database `postgres`). */
    testServerUrl: string;
    /** Name of the migrated template database. */
    testTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const { testDatabaseUrl } = loadTestConfig();
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let serverUrl: string;
  if (testDatabaseUrl) {
    serverUrl = withDatabase(testDatabaseUrl, 'postgres');
  } else {
    dataDir = await makeTempDataDir('caseload-test-');
    // Throw-away cluster: durability off for speed (never for a real data folder).
    server = await startEmbeddedPostgres({
      dataDir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    serverUrl = server.url;
  }
  const template = `caseload_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const db = createDb({ url: withDatabase(serverUrl, template), poolSize: 1 });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('testServerUrl', serverUrl);
  project.provide('testTemplate', template);

  return async () => {
    // Databases of files that failed to clean up are dropped with the template's prefix.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${template}_%`, template],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
