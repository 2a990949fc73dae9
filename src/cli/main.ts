/** `caseload` — serve, migrate, create-admin, audit verify / checkpoint. */
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
