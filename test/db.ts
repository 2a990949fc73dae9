/**
 * One fresh database per test file, cloned from the migrated template:
 *   const t = setupTestDatabase();   // at the top of a test file
 *   it('…', async () => { await insertUser(t.db, {}) });
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db, withDatabase } from '../src/store/db.ts';

export interface TestDatabase {
  /** Kysely handle on this file's database. */
  readonly db: Db;
  /** Connection URL of this file's database (for CLI runs and raw clients). */
  readonly url: string;
  /** Admin URL of the server (database `postgres`). */
  readonly serverUrl: string;
  readonly name: string;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createFromTemplate(serverUrl: string, name: string, template: string) {
  // Two files cloning the same template at once can collide ("being accessed by other users").
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}

export function setupTestDatabase(): TestDatabase {
  const serverUrl = inject('testServerUrl');
  const template = inject('testTemplate');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  let db: Db | undefined;
  beforeAll(async () => {
    await createFromTemplate(serverUrl, name, template);
    db = createDb({ url, poolSize: 5 });
  });
  afterAll(async () => {
    await db?.destroy();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return {
    get db() {
      if (!db) throw new Error('the test database is ready only inside tests and hooks');
      return db;
    },
    url,
    serverUrl,
    name,
  };
}
