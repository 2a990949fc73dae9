import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../store/db.ts';

/** For one-shot commands: the running server's embedded database if there is one, else start it. */
export function openForCommand(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: 2,
    embedded: 'share',
  });
}
