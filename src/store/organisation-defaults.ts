/** What every new organisation starts with: the case-type taxonomy and the time-limit templates. */
import { DEFAULT_CASE_TYPES } from '../domain/cases/reference.ts';
import { DEFAULT_TIME_LIMIT_TEMPLATES } from '../domain/time-limits/templates.ts';
import { insertCaseTypes } from './case-types.ts';
import type { DbOrTx } from './db.ts';
import { insertTimeLimitTemplates } from './time-limit-templates.ts';

export async function seedOrganisationDefaults(db: DbOrTx, orgId: string): Promise<void> {
  await insertCaseTypes(db, orgId, DEFAULT_CASE_TYPES);
  await insertTimeLimitTemplates(db, orgId, DEFAULT_TIME_LIMIT_TEMPLATES);
}
