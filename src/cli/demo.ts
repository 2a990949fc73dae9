import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { systemClock } from '../services/context.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANISATION,
  seedDemoOrganisation,
} from '../services/demo/seed-demo-organisation.ts';
import { openDatabase } from '../store/db.ts';
import { serveCommand } from './serve.ts';

/**
 * `caseload demo`: a demo organisation in its own data folder (never your real one), then the app.
 * The accounts' password is random, written once to `<demo folder>/demo-accounts.txt` (mode 0600).
 */
export async function demoCommand(config: Config, opts: { dataDir: string }): Promise<void> {
  if (config.databaseUrl) {
    throw new Error('`caseload demo` uses its own embedded database; unset DATABASE_URL to run it.');
  }
  const dataDir = path.resolve(opts.dataDir);
  const demoConfig: Config = {
    ...config,
    dataDir,
    auditCheckpointFile: path.join(dataDir, 'audit-checkpoint.json'),
  };
  const accountsFile = path.join(dataDir, 'demo-accounts.txt');
  const handle = await openDatabase({ dataDir, databaseUrl: undefined, poolSize: 2, embedded: 'own' });
  try {
    const password = existsSync(accountsFile) ? undefined : `demo-${randomBytes(9).toString('base64url')}`;
    if (password && (await seedDemoOrganisation({ db: handle.db, clock: systemClock }, password))) {
      const lines = [
        `Demo organisation: ${DEMO_ORGANISATION}`,
        `Password of every demo account: ${password}`,
        ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(32)} ${a.displayName} (${a.roles.join(', ')})`),
        'Admins and supervisors set up an authenticator app at their first sign-in.',
      ];
      await fs.writeFile(accountsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    }
  } finally {
    await handle.close();
  }
  console.log(`\n${await fs.readFile(accountsFile, 'utf8')}(kept in ${accountsFile})\n`);
  await serveCommand(demoConfig);
}
