/** A breach as the log shows it: the record with where it stands against the 72-hour deadline. */
import { type BreachDeadline, breachDeadline } from '../../domain/compliance/breach-deadline.ts';
import type { BreachWithNames } from '../../store/breaches.ts';

export interface BreachView {
  readonly row: BreachWithNames;
  readonly deadline: BreachDeadline;
}

export const breachView = (row: BreachWithNames, now: Date, timeZone: string): BreachView => ({
  row,
  deadline: breachDeadline(
    { discoveredAt: row.discovered_at, reportDecision: row.report_decision, reportedAt: row.reported_at },
    now,
    timeZone,
  ),
});
