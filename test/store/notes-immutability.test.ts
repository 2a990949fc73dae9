/** The second line of defence: the database itself refuses to change or delete a filed note. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

async function caseWithAuthor() {
  const org = await insertOrganisation(t.db);
  const author = await insertUser(t.db, { orgId: org.id });
  const kase = await insertCase(t.db, { orgId: org.id, ownerId: author.id });
  return { org, author, kase };
}

async function insertNoteRow(status: 'draft' | 'filed') {
  const { org, author, kase } = await caseWithAuthor();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO notes (org_id, case_id, author_id, status, type, occurred_at, recorded_at, facts)
    VALUES (${org.id}, ${kase.id}, ${author.id}, ${status}, 'advice', now() - interval '1 hour',
            ${status === 'filed' ? sql`now()` : sql`NULL`}, 'Client brought the PIP decision letter.')
    RETURNING id`.execute(t.db);
  const id = rows[0]?.id;
  if (!id) throw new Error('no note inserted');
  return { id, org };
}

const factsOf = async (id: string) => {
  const { rows } = await sql<{ facts: string; status: string }>`
    SELECT facts, status FROM notes WHERE id = ${id}`.execute(t.db);
  return rows[0];
};

/** The PostgreSQL error of a statement, or undefined when it succeeded. */
async function errorOf(statement: Promise<unknown>): Promise<{ code?: string; message: string } | undefined> {
  try {
    await statement;
    return undefined;
  } catch (error) {
    return error as { code?: string; message: string };
  }
}

describe('the filed-note trigger', () => {
  it('refuses an UPDATE of a filed note, naming it and saying what to do instead', async () => {
    const { id } = await insertNoteRow('filed');
    const error = await errorOf(
      sql`UPDATE notes SET facts = 'rewritten history' WHERE id = ${id}`.execute(t.db),
    );
    expect(error?.code).toBe('42501'); // insufficient_privilege
    expect(error?.message).toContain(`note ${id} is filed`);
    expect(error?.message).toContain('record an amendment instead');
    expect(await factsOf(id)).toEqual({ facts: 'Client brought the PIP decision letter.', status: 'filed' });
  });

  it.each([
    ['sensitivity', sql`sensitivity = 'restricted'`],
    ['status (back to draft)', sql`status = 'draft', recorded_at = NULL`],
    ['recorded_at', sql`recorded_at = now() - interval '10 days'`],
    ['occurred_at', sql`occurred_at = now() - interval '10 days'`],
    ['updated_at alone', sql`updated_at = now()`],
  ])('refuses an UPDATE of %s', async (_label, assignment) => {
    const { id } = await insertNoteRow('filed');
    const error = await errorOf(sql`UPDATE notes SET ${assignment} WHERE id = ${id}`.execute(t.db));
    expect(error?.code).toBe('42501');
    expect((await factsOf(id))?.status).toBe('filed');
  });

  it('refuses a DELETE of a filed note, also in bulk', async () => {
    const { id, org } = await insertNoteRow('filed');
    expect((await errorOf(sql`DELETE FROM notes WHERE id = ${id}`.execute(t.db)))?.code).toBe('42501');
    expect((await errorOf(sql`DELETE FROM notes WHERE org_id = ${org.id}`.execute(t.db)))?.code).toBe(
      '42501',
    );
    expect(await factsOf(id)).toBeDefined();
  });

  it('refuses TRUNCATE of the notes table', async () => {
    const { id } = await insertNoteRow('filed');
    const error = await errorOf(sql`TRUNCATE notes CASCADE`.execute(t.db));
    expect(error?.message).toMatch(/notes cannot be truncated/);
    expect((await factsOf(id))?.status).toBe('filed');
  });

  it('refuses through Kysely as well (the path the application uses)', async () => {
    const { id } = await insertNoteRow('filed');
    const error = await errorOf(
      t.db.updateTable('notes').set({ facts: 'changed' }).where('id', '=', id).execute(),
    );
    expect(error?.code).toBe('42501');
    expect((await factsOf(id))?.facts).toBe('Client brought the PIP decision letter.');
  });

  it('lets a draft change, be filed once, and then holds it', async () => {
    const { id } = await insertNoteRow('draft');
    await sql`UPDATE notes SET facts = 'Client phoned at 10:05.' WHERE id = ${id}`.execute(t.db);
    expect((await factsOf(id))?.facts).toBe('Client phoned at 10:05.');
    await sql`UPDATE notes SET status = 'filed', recorded_at = now() WHERE id = ${id}`.execute(t.db);
    const error = await errorOf(
      sql`UPDATE notes SET facts = 'Client phoned at 11:00.' WHERE id = ${id}`.execute(t.db),
    );
    expect(error?.code).toBe('42501');
    expect(await factsOf(id)).toEqual({ facts: 'Client phoned at 10:05.', status: 'filed' });
  });

  it('lets a draft be deleted', async () => {
    const { id } = await insertNoteRow('draft');
    await sql`DELETE FROM notes WHERE id = ${id}`.execute(t.db);
    expect(await factsOf(id)).toBeUndefined();
  });

  it('refuses to file a note without facts, advice or actions (check constraint)', async () => {
    const { id } = await insertNoteRow('draft');
    await sql`UPDATE notes SET facts = '' WHERE id = ${id}`.execute(t.db);
    const error = await errorOf(
      sql`UPDATE notes SET status = 'filed', recorded_at = now() WHERE id = ${id}`.execute(t.db),
    );
    expect(error?.code).toBe('23514'); // check_violation
    expect((await factsOf(id))?.status).toBe('draft');
  });
});
