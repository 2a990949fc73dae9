import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { todayIn } from '../domain/time/calendar.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from '../services/demo/demo-accounts.ts';
import { seedSynthetic } from '../services/demo/seed-synthetic.ts';
import { openDatabase } from '../store/db.ts';
import { serveCommand } from './serve.ts';

/**
 * `caseload demo`: the small synthetic caseload (one adviser's 60 cases with their notes, actions,
 * key dates and assessments) in its own data folder (never your real one), then the app.
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
    if (password) {
      const asOf = todayIn('Europe/London', new Date());
      const summary = await seedSynthetic(handle.url, { size: 'small', seed: 1, password, asOf });
      if (summary.created) {
        const lines = [
          `Demo organisation: ${DEMO_ORGANISATION} (${summary.counts.cases} cases, as of ${asOf})`,
          `Password of every demo account: ${password}`,
          ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(32)} ${a.displayName} (${a.roles.join(', ')})`),
          'Admins and supervisors set up an authenticator app at their first sign-in.',
        ];
        await fs.writeFile(accountsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
      }
    }
  } finally {
    await handle.close();
  }
  console.log(`\n${await fs.readFile(accountsFile, 'utf8')}(kept in ${accountsFile})\n`);
  await serveCommand(demoConfig);
}
