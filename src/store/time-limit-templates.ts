/** An organisation's time-limit templates (src/domain/time-limits): seeded, then editable. */
import type { TimeLimitTemplate } from '../domain/time-limits/templates.ts';
import type { DbOrTx } from './db.ts';

/** Inserts templates for an organisation in the given order (a new organisation's seed). */
export async function insertTimeLimitTemplates(
  db: DbOrTx,
  orgId: string,
  templates: readonly TimeLimitTemplate[],
): Promise<void> {
  if (templates.length === 0) return;
  await db
    .insertInto('time_limit_templates')
    .values(
      templates.map(({ key, ...template }, i) => ({
        org_id: orgId,
        key,
        template: JSON.stringify(template),
        sort_order: i + 1,
        updated_by: null,
      })),
    )
    .execute();
}

/** A stored template: the domain's template with its place in the list and who last changed it. */
export interface StoredTimeLimitTemplate {
  readonly id: string;
  readonly template: TimeLimitTemplate;
  readonly active: boolean;
  readonly sortOrder: number;
  readonly updatedBy: string | null;
  readonly updatedAt: Date;
}

type TemplateRow = {
  id: string;
  key: string;
  template: unknown;
  active: boolean;
  sort_order: number;
  updated_by: string | null;
  updated_at: Date;
};

const stored = (row: TemplateRow): StoredTimeLimitTemplate => ({
  id: row.id,
  // jsonb written only from validated templates (without their key, which is its own column).
  template: { ...(row.template as Omit<TimeLimitTemplate, 'key'>), key: row.key },
  active: row.active,
  sortOrder: row.sort_order,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

/** The template without its key, as the jsonb column holds it. */
const body = ({ key: _key, ...template }: TimeLimitTemplate): string => JSON.stringify(template);

/** The organisation's templates in display order: the active ones, or all of them. */
export async function listTimeLimitTemplates(
  db: DbOrTx,
  orgId: string,
  options: { activeOnly: boolean },
): Promise<StoredTimeLimitTemplate[]> {
  let query = db.selectFrom('time_limit_templates').selectAll().where('org_id', '=', orgId);
  if (options.activeOnly) query = query.where('active', '=', true);
  const rows = await query.orderBy('sort_order').orderBy('key').execute();
  return rows.map(stored);
}

/** One template by key (active or not), optionally locked for the rest of the transaction. */
export async function getTimeLimitTemplate(
  db: DbOrTx,
  orgId: string,
  key: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredTimeLimitTemplate | undefined> {
  let query = db
    .selectFrom('time_limit_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? stored(row) : undefined;
}

export async function insertTimeLimitTemplate(
  db: DbOrTx,
  orgId: string,
  input: { template: TimeLimitTemplate; sortOrder: number; updatedBy: string; updatedAt: Date },
): Promise<StoredTimeLimitTemplate> {
  const row = await db
    .insertInto('time_limit_templates')
    .values({
      org_id: orgId,
      key: input.template.key,
      template: body(input.template),
      sort_order: input.sortOrder,
      updated_by: input.updatedBy,
      updated_at: input.updatedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return stored(row);
}

/** Replaces a template's content (never its key), position or active flag. */
export async function updateTimeLimitTemplate(
  db: DbOrTx,
  orgId: string,
  key: string,
  patch: {
    template?: TimeLimitTemplate;
    sortOrder?: number;
    active?: boolean;
    updatedBy: string;
    updatedAt: Date;
  },
): Promise<StoredTimeLimitTemplate | undefined> {
  const row = await db
    .updateTable('time_limit_templates')
    .set({
      ...(patch.template ? { template: body(patch.template) } : {}),
      ...(patch.sortOrder === undefined ? {} : { sort_order: patch.sortOrder }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      updated_by: patch.updatedBy,
      updated_at: patch.updatedAt,
    })
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirst();
  return row ? stored(row) : undefined;
}
