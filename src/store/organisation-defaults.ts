/**
 * What every new organisation starts with: the case-type taxonomy, the time-limit templates, the
 * complexity factors, the outcome list and the file-review checklist.
 */
import { DEFAULT_CASE_TYPES } from '../domain/cases/reference.ts';
import { DEFAULT_FILE_REVIEW_CHECKLIST } from '../domain/file-reviews/default-checklist.ts';
import { DEFAULT_OUTCOME_TYPES } from '../domain/outcomes/default-outcomes.ts';
import { DEFAULT_TIME_LIMIT_TEMPLATES } from '../domain/time-limits/templates.ts';
import { DEFAULT_COMPLEXITY_FACTORS } from '../domain/weighting/complexity-factors.ts';
import { insertCaseTypes } from './case-types.ts';
import type { DbOrTx } from './db.ts';
import { insertTimeLimitTemplates } from './time-limit-templates.ts';

export async function seedOrganisationDefaults(db: DbOrTx, orgId: string): Promise<void> {
  await insertCaseTypes(db, orgId, DEFAULT_CASE_TYPES);
  await insertTimeLimitTemplates(db, orgId, DEFAULT_TIME_LIMIT_TEMPLATES);
  await db
    .insertInto('complexity_factors')
    .values(
      DEFAULT_COMPLEXITY_FACTORS.map((f, i) => ({
        org_id: orgId,
        key: f.key,
        label: f.label,
        multiplier: f.multiplier,
        applies_when: f.appliesWhen,
        sort_order: i + 1,
        updated_by: null,
      })),
    )
    .execute();
  await db
    .insertInto('outcome_types')
    .values(
      DEFAULT_OUTCOME_TYPES.map((t, i) => ({
        org_id: orgId,
        key: t.key,
        label: t.label,
        positive: t.positive,
        sort_order: i + 1,
      })),
    )
    .execute();
  await db
    .insertInto('file_review_items')
    .values(
      DEFAULT_FILE_REVIEW_CHECKLIST.map((item, i) => ({
        org_id: orgId,
        key: item.key,
        label: item.label,
        guidance: null,
        sort_order: i + 1,
      })),
    )
    .execute();
}
