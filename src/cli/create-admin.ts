import { createInterface } from 'node:readline';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { systemClock } from '../services/context.ts';
import { createAdmin } from '../services/users/create-admin.ts';
import { openForCommand } from './database.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a password without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function askPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return readStdin();
  const first = await promptHidden('Password (12 to 128 characters): ');
  const again = await promptHidden('Same password again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

export async function createAdminCommand(
  config: Config,
  opts: { email: string; name: string; org: string; passwordStdin?: boolean },
): Promise<number> {
  const password = await askPassword(Boolean(opts.passwordStdin));
  const handle = await openForCommand(config);
  try {
    const { org, user } = await createAdmin(
      { db: handle.db, clock: systemClock },
      { organisation: opts.org, email: opts.email, displayName: opts.name, password },
    );
    console.log(`Administrator ${user.email} created in "${org.name}".`);
    console.log('At first sign-in they set up an authenticator app (required for administrators).');
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`caseload create-admin: ${error.message}`);
      return 65; // EX_DATAERR
    }
    throw error;
  } finally {
    await handle.close();
  }
}
