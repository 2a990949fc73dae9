/**
 * Equality monitoring answers: one row per client in their own table, never joined into a case or
 * client read. The report reads them only to count (see services/compliance).
 */
import type { Insertable, Selectable } from 'kysely';
import {
  EQUALITY_QUESTION_KEYS,
  type EqualityAnswers,
  type EqualityQuestionKey,
} from '../domain/compliance/equality-questions.ts';
import type { DbOrTx } from './db.ts';
import type { EqualityMonitoringTable } from './schema.ts';

export type EqualityMonitoringRow = Selectable<EqualityMonitoringTable>;
export type EqualityAnswerColumns = Pick<
  EqualityMonitoringRow,
  | 'age_band'
  | 'sex'
  | 'gender_same_as_birth'
  | 'sexual_orientation'
  | 'ethnicity'
  | 'religion'
  | 'disability'
  | 'pregnancy_maternity'
  | 'marital_status'
>;

/** Each question's column. */
export const ANSWER_COLUMN: Readonly<Record<EqualityQuestionKey, keyof EqualityAnswerColumns>> = {
  ageBand: 'age_band',
  sex: 'sex',
  genderSameAsBirth: 'gender_same_as_birth',
  sexualOrientation: 'sexual_orientation',
  ethnicity: 'ethnicity',
  religion: 'religion',
  disability: 'disability',
  pregnancyMaternity: 'pregnancy_maternity',
  maritalStatus: 'marital_status',
};

/** Answers by question as the table's columns (an unanswered question is null). */
export const answerColumnsOf = (answers: EqualityAnswers): EqualityAnswerColumns =>
  Object.fromEntries(
    EQUALITY_QUESTION_KEYS.map((k) => [ANSWER_COLUMN[k], answers[k] ?? null]),
  ) as EqualityAnswerColumns;

/** The answer columns, in the questions' order. */
export const ANSWER_COLUMNS: readonly (keyof EqualityAnswerColumns)[] = EQUALITY_QUESTION_KEYS.map(
  (k) => ANSWER_COLUMN[k],
);

export function getEqualityMonitoring(
  db: DbOrTx,
  orgId: string,
  clientId: string,
): Promise<EqualityMonitoringRow | undefined> {
  return db
    .selectFrom('equality_monitoring')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Inserts or replaces a client's answers. */
export async function putEqualityMonitoring(
  db: DbOrTx,
  row: Insertable<EqualityMonitoringTable> & EqualityAnswerColumns,
): Promise<void> {
  const answers = Object.fromEntries(ANSWER_COLUMNS.map((c) => [c, row[c]])) as EqualityAnswerColumns;
  await db
    .insertInto('equality_monitoring')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'client_id']).doUpdateSet({
        ...answers,
        recorded_by: row.recorded_by,
        updated_at: row.updated_at ?? new Date(),
      }),
    )
    .execute();
}

/**
 * The answers of every client with a case open at some time in [from, to) (instants), one entry per
 * client (all nulls for a client with no form) — only for counting.
 */
export async function listEqualityAnswersForPeriod(
  db: DbOrTx,
  orgId: string,
  from: Date,
  to: Date,
): Promise<EqualityAnswerColumns[]> {
  return db
    .selectFrom('clients as cl')
    .leftJoin('equality_monitoring as em', (j) =>
      j.onRef('em.org_id', '=', 'cl.org_id').onRef('em.client_id', '=', 'cl.id'),
    )
    .select(ANSWER_COLUMNS.map((c) => `em.${c}` as const))
    .where('cl.org_id', '=', orgId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.org_id', '=', 'cl.org_id')
          .whereRef('c.client_id', '=', 'cl.id')
          .where('c.opened_at', '<', to)
          .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', from)])),
      ),
    )
    .execute();
}
