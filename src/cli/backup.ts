/** `caseload backup` and `caseload restore`. Never prints data or the passphrase. */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { backupPassphraseFromEnv, type Config } from '../config.ts';
import { BackupArchiveError } from '../store/backup/archive.ts';
import { RestoreRefusedError, restoreBackup } from '../store/backup/restore-backup.ts';
import { writeBackup } from '../store/backup/write-backup.ts';
import { ensureDatabase, withDatabase } from '../store/db.ts';
import { embeddedUrl, findRunningCluster, startEmbeddedPostgres } from '../store/embedded-postgres.ts';

export interface DatabaseChoice {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

interface PassphraseChoice {
  readonly passphraseFile?: string;
}

const MIN_PASSPHRASE = 12;

/**
 * The database to read or load, without migrating it (restore migrates to the backup's level):
 * --database-url, else DATABASE_URL, else the embedded server of the data folder (the running
 * app's if there is one, else started for the command and stopped after).
 */
async function connect(
  config: Config,
  opts: DatabaseChoice,
): Promise<{ url: string; close(): Promise<void> }> {
  const external = opts.databaseUrl ?? config.databaseUrl;
  if (external) return { url: external, close: async () => undefined };
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : config.dataDir;
  const running = await findRunningCluster(dataDir);
  if (running) {
    return {
      url: withDatabase(await embeddedUrl(dataDir, running.port), 'caseload'),
      close: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({ dataDir });
  await ensureDatabase(server.url, 'caseload');
  return { url: withDatabase(server.url, 'caseload'), close: () => server.stop() };
}

async function readPassphrase(opts: PassphraseChoice): Promise<string | undefined> {
  if (opts.passphraseFile) return (await fs.readFile(opts.passphraseFile, 'utf8')).replace(/\r?\n$/, '');
  return backupPassphraseFromEnv();
}

function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    return {
      start: (_total: number) => undefined,
      step: (table: string, rows: number) => console.error(`${label}: ${table} (${rows} rows)`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} tables | {table}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total: number) => bar.start(total, 0, { table: '' }),
    step: (table: string, rows: number) => bar.increment(1, { table: `${table} (${rows} rows)` }),
    stop: () => bar.stop(),
  };
}

function explain(error: unknown): number {
  if (error instanceof BackupArchiveError || error instanceof RestoreRefusedError) {
    console.error(`caseload: ${error.message}`);
    return 65; // EX_DATAERR
  }
  throw error;
}

export async function backupCommand(
  config: Config,
  opts: DatabaseChoice & PassphraseChoice & { out: string },
): Promise<number> {
  const passphrase = await readPassphrase(opts);
  if (!passphrase || passphrase.length < MIN_PASSPHRASE) {
    console.error(
      `caseload: give a passphrase of at least ${MIN_PASSPHRASE} characters with --passphrase-file <file> ` +
        'or CASELOAD_BACKUP_PASSPHRASE. Keep it apart from the backup: without it the backup cannot be read.',
    );
    return 64;
  }
  const out = path.resolve(opts.out);
  if (existsSync(out)) {
    console.error(
      `caseload: ${out} already exists; choose another file name (backups are never overwritten).`,
    );
    return 73; // EX_CANTCREAT
  }
  const database = await connect(config, opts);
  const bar = progressBar('backup');
  try {
    const { manifest, tables } = await writeBackup({
      databaseUrl: database.url,
      out,
      passphrase,
      onProgress: (e) => (e.kind === 'start' ? bar.start(e.tables) : bar.step(e.table, e.rows)),
    });
    bar.stop();
    const rows = tables.reduce((s, t) => s + t.rows, 0);
    console.log(
      `Backup written to ${out}: ${tables.length} tables, ${rows} rows, ` +
        `migration ${manifest.migrations.at(-1)}, PostgreSQL ${manifest.server.version}.`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    return explain(error);
  } finally {
    await database.close();
  }
}

export async function restoreCommand(
  config: Config,
  opts: DatabaseChoice & PassphraseChoice & { in: string },
): Promise<number> {
  const passphrase = await readPassphrase(opts);
  if (!passphrase) {
    console.error(
      'caseload: give the backup passphrase with --passphrase-file <file> or CASELOAD_BACKUP_PASSPHRASE.',
    );
    return 64;
  }
  const input = path.resolve(opts.in);
  if (!existsSync(input)) {
    console.error(`caseload: ${input} does not exist.`);
    return 66; // EX_NOINPUT
  }
  const database = await connect(config, opts);
  const bar = progressBar('restore');
  try {
    const result = await restoreBackup({
      databaseUrl: database.url,
      input,
      passphrase,
      onProgress: (e) => {
        if (e.kind === 'manifest') bar.start(e.manifest.tables.length);
        else if (e.kind === 'table') bar.step(e.table, e.rows);
      },
    });
    bar.stop();
    const rows = result.tables.reduce((s, t) => s + t.rows, 0);
    console.log(
      `Restored ${result.tables.length} tables, ${rows} rows (backup of ${result.manifest.createdAt}, ` +
        `PostgreSQL ${result.manifest.server.version}); every table's row count and checksum match.`,
    );
    if (result.migratedAfter.length > 0) {
      console.log(
        `Then applied ${result.migratedAfter.length} newer migrations: ${result.migratedAfter.join(', ')}.`,
      );
    }
    return 0;
  } catch (error) {
    bar.stop();
    return explain(error);
  } finally {
    await database.close();
  }
}
