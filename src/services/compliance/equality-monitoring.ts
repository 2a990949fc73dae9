/**
 * Equality monitoring: optional answers kept apart from case records. Anyone who may change the
 * client's record (or an admin, typing in a paper form) may record them; only admins read a
 * client's answers, and reports leave only as suppressed aggregates.
 */
import { hasRole } from '../../domain/access/actor.ts';
import { manageUsers } from '../../domain/access/policy.ts';
import {
  EQUALITY_QUESTION_KEYS,
  type EqualityAnswers,
  type EqualityQuestionKey,
  invalidEqualityAnswers,
} from '../../domain/compliance/equality-questions.ts';
import { type EqualityReportTable, equalityReport } from '../../domain/compliance/equality-report.ts';
import { AppError } from '../../domain/errors.ts';
import { addCalendarDays, startOfDayIn } from '../../domain/time/calendar.ts';
import { getClient } from '../../store/clients.ts';
import {
  ANSWER_COLUMN,
  answerColumnsOf,
  type EqualityAnswerColumns,
  listEqualityAnswersForPeriod,
  putEqualityMonitoring,
  getEqualityMonitoring as readAnswers,
} from '../../store/equality-monitoring.ts';
import { loadClient } from '../clients/load-client.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

const answersOf = (row: EqualityAnswerColumns | undefined): Record<EqualityQuestionKey, string | null> =>
  Object.fromEntries(EQUALITY_QUESTION_KEYS.map((k) => [k, row?.[ANSWER_COLUMN[k]] ?? null])) as Record<
    EqualityQuestionKey,
    string | null
  >;

export interface EqualityMonitoringView {
  readonly recorded: boolean;
  readonly answers: Record<EqualityQuestionKey, string | null>;
  readonly recordedAt: Date | null;
  readonly updatedAt: Date | null;
}

/**
 * A client's equality monitoring answers (admins only). Audited (`equality_monitoring.viewed`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CLIENT_NOT_FOUND
 */
export async function getEqualityMonitoring(
  ctx: ServiceContext,
  clientId: string,
): Promise<EqualityMonitoringView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'client', entityId: clientId });
  return inTransaction(ctx, async (tx) => {
    if (!(await getClient(tx, actor.orgId, clientId))) throw new AppError('CLIENT_NOT_FOUND');
    const row = await readAnswers(tx, actor.orgId, clientId);
    await audit(ctx, tx, {
      action: 'equality_monitoring.viewed',
      entityType: 'client',
      entityId: clientId,
      details: { recorded: row !== undefined },
    });
    return {
      recorded: row !== undefined,
      answers: answersOf(row),
      recordedAt: row?.recorded_at ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  });
}

/**
 * Records (or replaces) a client's equality monitoring answers; every question is optional and a
 * question left out is recorded as not answered. Admins, and whoever may change the client's record.
 * Audited (`equality_monitoring.recorded`: how many questions were answered — never the answers).
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (each question)
 */
export async function recordEqualityMonitoring(
  ctx: ServiceContext,
  clientId: string,
  answers: EqualityAnswers,
): Promise<void> {
  const actor = requireActor(ctx);
  const invalid = invalidEqualityAnswers(answers);
  if (invalid.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${invalid[0]}: choose one of the listed answers`, {
      fields: invalid.map((field) => ({
        field,
        message: 'Choose one of the listed answers, or leave it blank',
      })),
    });
  }
  await inTransaction(ctx, async (tx) => {
    if (hasRole(actor, 'admin')) {
      if (!(await getClient(tx, actor.orgId, clientId))) throw new AppError('CLIENT_NOT_FOUND');
    } else {
      await loadClient(ctx, clientId, 'change', tx);
    }
    const columns = answerColumnsOf(answers);
    const now = ctx.clock.now();
    await putEqualityMonitoring(tx, {
      org_id: actor.orgId,
      client_id: clientId,
      ...columns,
      recorded_by: actor.id,
      recorded_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'equality_monitoring.recorded',
      entityType: 'client',
      entityId: clientId,
      details: { answered: EQUALITY_QUESTION_KEYS.filter((k) => answers[k]).length },
    });
  });
}

export interface EqualityReport {
  readonly from: string;
  readonly to: string;
  readonly tables: readonly EqualityReportTable[];
}

/**
 * The equality monitoring report for the clients with a case open at some time from `from` to `to`
 * (calendar dates, inclusive, in the organisation's time zone): per question, counts with every
 * count below 5 shown as "fewer than 5" and complementary cells hidden (admins only). Audited
 * (`equality_monitoring.reported`: the period).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (query.to)
 */
export async function equalityMonitoringReport(
  ctx: ServiceContext,
  period: { from: string; to: string },
): Promise<EqualityReport> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  if (period.to < period.from)
    throw AppError.field('query.to', 'The end of the period cannot be before its start');
  return inTransaction(ctx, async (tx) => {
    const { timeZone } = await organisationCalendar(tx, actor.orgId, ctx.clock.now());
    const rows = await listEqualityAnswersForPeriod(
      tx,
      actor.orgId,
      startOfDayIn(period.from, timeZone),
      startOfDayIn(addCalendarDays(period.to, 1), timeZone),
    );
    await audit(ctx, tx, {
      action: 'equality_monitoring.reported',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: { from: period.from, to: period.to },
    });
    return { ...period, tables: equalityReport(rows.map(answersOf)) };
  });
}
