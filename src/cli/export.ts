/**
 * `caseload export --anonymised --case <ref>… --as <email> --purpose <purpose> --out <file>`: the
 * anonymised export of cases, as the person named by --as would get it from the API — the same
 * access rules (every case must be one they may view), the same audit events (attributed to them).
 * Writes the JSON document; never overwrites a file.
 */
import { writeFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { ANONYMISED_EXPORT_PURPOSES } from '../contract/anonymised-exports.ts';
import { AppError } from '../domain/errors.ts';
import { createAnonymisedExport } from '../services/anonymise/create-anonymised-export.ts';
import { systemClock } from '../services/context.ts';
import { getCaseByReference } from '../store/cases.ts';
import { findUserByEmail, loadActor } from '../store/users.ts';
import { openForCommand } from './database.ts';

export interface ExportOptions {
  anonymised?: boolean;
  case: string[];
  as: string;
  purpose: string;
  out: string;
}

export async function exportCommand(config: Config, opts: ExportOptions): Promise<number> {
  if (!opts.anonymised) {
    console.error('caseload export: only anonymised exports are available — add --anonymised');
    return 64;
  }
  const purpose = ANONYMISED_EXPORT_PURPOSES.find((p) => p === opts.purpose);
  if (!purpose) {
    console.error(`caseload export: --purpose must be one of ${ANONYMISED_EXPORT_PURPOSES.join(', ')}`);
    return 64;
  }
  const handle = await openForCommand(config);
  try {
    const user = await findUserByEmail(handle.db, opts.as);
    const actor = user?.status === 'active' ? await loadActor(handle.db, user.org_id, user.id) : undefined;
    if (!user || !actor) {
      console.error(`caseload export: no active user with the email address ${opts.as}`);
      return 1;
    }
    const caseIds: string[] = [];
    for (const reference of opts.case) {
      const row = await getCaseByReference(handle.db, actor.orgId, reference);
      if (!row) {
        console.error(`caseload export: no case ${reference} in ${opts.as}’s organisation`);
        return 1;
      }
      caseIds.push(row.id);
    }
    const ctx = { db: handle.db, clock: systemClock, actor };
    const result = await createAnonymisedExport(ctx, { caseIds, purpose });
    await writeFile(opts.out, `${JSON.stringify(result, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    const notes = result.cases.reduce((n, c) => n + c.notes.length, 0);
    console.log(
      `anonymised export of ${result.cases.length} case(s), ${notes} note(s) written to ${opts.out} — review it before use`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`caseload export: ${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`caseload export: ${opts.out} exists; choose a new file name`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
