import type { Config } from '../config.ts';
import { openForCommand } from './database.ts';

export async function migrateCommand(config: Config): Promise<number> {
  // openDatabase migrates to the latest version as it opens.
  const handle = await openForCommand(config);
  await handle.close();
  console.log('Database is at the latest migration.');
  return 0;
}
