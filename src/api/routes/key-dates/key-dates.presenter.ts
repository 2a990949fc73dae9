import type { KeyDateListResponse, KeyDateResponse } from '../../../contract/key-dates.ts';
import { hoursAndMinutes } from '../../../domain/key-dates/key-date-rules.ts';
import type { KeyDateRow } from '../../../store/key-dates.ts';

export function presentKeyDate(k: KeyDateRow): KeyDateResponse {
  return {
    id: k.id,
    caseId: k.case_id,
    kind: k.kind,
    dueDate: k.due_date,
    dueTime: hoursAndMinutes(k.due_time),
    description: k.description,
    source: k.source,
    status: k.status,
    statusNote: k.status_note,
    createdBy: k.created_by,
    createdAt: k.created_at.toISOString(),
    updatedAt: k.updated_at.toISOString(),
  };
}

export const presentKeyDateList = (rows: readonly KeyDateRow[]): KeyDateListResponse => ({
  keyDates: rows.map(presentKeyDate),
});
