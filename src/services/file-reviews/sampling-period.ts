import { AppError } from '../../domain/errors.ts';
import {
  type Period,
  type PeriodKind,
  parsePeriod,
  periodContaining,
  periodLabelProblem,
} from '../../domain/file-reviews/periods.ts';
import { formatDate } from '../../domain/time/calendar.ts';

/**
 * The period to sample or add to: the one given (of the organisation's kind, and already begun),
 * or the one today falls in.
 * @throws AppError VALIDATION_FAILED (field period)
 */
export function resolveSamplingPeriod(label: string | undefined, kind: PeriodKind, today: string): Period {
  if (label === undefined) return periodContaining(today, kind);
  const problem = periodLabelProblem(label, kind);
  const period = parsePeriod(label);
  if (problem || !period) throw AppError.field('period', problem ?? 'Use a period label such as 2026-Q4');
  if (period.first > today) {
    throw AppError.field(
      'period',
      `${label} has not begun yet (it starts on ${formatDate(period.first)}): choose the current or an earlier period`,
    );
  }
  return period;
}
