/** `caseload` — serve, migrate, create-admin, audit verify / checkpoint, backup, restore, export. */
import { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { EmbeddedPostgresError } from '../store/embedded-postgres.ts';

// Commands are loaded when run, so `caseload audit verify` does not load the web server.
const commands = {
  serve: () => import('./serve.ts'),
  migrate: () => import('./migrate.ts'),
  createAdmin: () => import('./create-admin.ts'),
  audit: () => import('./audit.ts'),
  demo: () => import('./demo.ts'),
  seedDemo: () => import('./seed-demo.ts'),
  backup: () => import('./backup.ts'),
  export: () => import('./export.ts'),
};

/** Runs the CLI; exits the process with the command's status. */
export async function main(argv: string[]): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const program = new Command('caseload')
    .description('Caseload: personal caseload management for advice and guidance practitioners')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('serve')
    .description('Start the web app and API (the embedded PostgreSQL unless DATABASE_URL is set)')
    .action(async () => (await commands.serve()).serveCommand(config));
  program
    .command('demo')
    .description('Serve a demo organisation from its own data folder (accounts printed at start)')
    .option('--data-dir <dir>', 'the demo data folder', './data-demo')
    .action(async (opts) => (await commands.demo()).demoCommand(config, opts));
  program
    .command('seed-demo')
    .description('Load a synthetic organisation (deterministic for a seed) into the configured database')
    .option(
      '--size <size>',
      'small (1 adviser, 60 cases), team (20 advisers, 10k cases) or city (300, 150k)',
      'small',
    )
    .option('--seed <n>', 'the random seed: the same seed and date give the same data', '1')
    .option('--password <password>', 'the password of every generated account (else a random one, printed)')
    .option('--as-of <date>', 'the day the data is as of, YYYY-MM-DD (default: today in Europe/London)')
    .option('--json', 'print a JSON summary (counts, accounts) as the last line instead of text')
    .action(async (opts) => finish(await (await commands.seedDemo()).seedDemoCommand(config, opts)));
  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => finish(await (await commands.migrate()).migrateCommand(config)));
  program
    .command('create-admin')
    .description('Create an administrator (and the organisation, on first run)')
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'display name')
    .option('--org <name>', 'organisation name', 'My advice service')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (opts) => finish(await (await commands.createAdmin()).createAdminCommand(config, opts)));
  const auditCmd = program.command('audit').description('The tamper-evident audit log');
  auditCmd
    .command('verify')
    .description('Recompute every hash chain; exit 1 naming the first broken event')
    .option('--checkpoint <file>', 'checkpoint file to compare against', config.auditCheckpointFile)
    .option('--no-checkpoint', 'do not compare against a checkpoint')
    .action(async (opts) => finish(await (await commands.audit()).auditVerifyCommand(config, opts)));
  auditCmd
    .command('checkpoint')
    .description('Write the head of every chain to a file outside the database')
    .option('--file <file>', 'where to write it', config.auditCheckpointFile)
    .action(async (opts) => finish(await (await commands.audit()).auditCheckpointCommand(config, opts)));

  program
    .command('backup')
    .description('Write an encrypted, consistent snapshot of the whole database to a file')
    .requiredOption('--out <file>', 'the archive to write (never overwritten)')
    .option('--passphrase-file <file>', 'file holding the passphrase (else CASELOAD_BACKUP_PASSPHRASE)')
    .option('--database-url <url>', 'the database to back up (else DATABASE_URL, else the embedded one)')
    .option('--data-dir <dir>', 'the embedded server’s data folder (else CASELOAD_DATA_DIR)')
    .action(async (opts) => finish(await (await commands.backup()).backupCommand(config, opts)));
  program
    .command('restore')
    .description('Load a backup into a new, empty database (migrated to its level, then to the latest)')
    .requiredOption('--in <file>', 'the archive to restore')
    .option('--passphrase-file <file>', 'file holding the passphrase (else CASELOAD_BACKUP_PASSPHRASE)')
    .option('--database-url <url>', 'the empty database to load (else DATABASE_URL, else the embedded one)')
    .option('--data-dir <dir>', 'the embedded server’s data folder (else CASELOAD_DATA_DIR)')
    .action(async (opts) => finish(await (await commands.backup()).restoreCommand(config, opts)));
  program
    .command('export')
    .description('Write an anonymised export of cases (JSON) as a user would get it, with their access rules')
    .option('--anonymised', 'anonymise the export (required: the only kind of export)')
    .requiredOption('--case <reference...>', 'the cases, by reference (CL-2026-000123)')
    .requiredOption('--as <email>', 'the user whose access applies and to whom the export is audited')
    .option('--purpose <purpose>', 'training, quality-audit or evidence-portfolio', 'training')
    .requiredOption('--out <file>', 'the JSON file to write (never overwritten)')
    .action(async (opts) => finish(await (await commands.export()).exportCommand(config, opts)));

  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
    if (code?.startsWith('commander.')) process.exit(64); // EX_USAGE; commander printed the problem
    if (error instanceof EmbeddedPostgresError) {
      console.error(`caseload: ${error.message}`);
      process.exit(75); // EX_TEMPFAIL
    }
    console.error(`caseload: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Exits explicitly: pooled connections would otherwise keep the process alive. */
function finish(code: number): never {
  process.exit(code);
}
