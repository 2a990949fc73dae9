import type { KeyDateRegisterResponse } from '../../../contract/key-date-register.ts';
import type {
  KeyDateComputedFromResponse,
  KeyDateListResponse,
  KeyDateResponse,
} from '../../../contract/key-dates.ts';
import { hoursAndMinutes } from '../../../domain/key-dates/key-date-rules.ts';
import type { ComputedFromRecord } from '../../../services/key-dates/create-key-date.ts';
import type { KeyDateRegister } from '../../../services/key-dates/list-key-date-register.ts';
import type { KeyDateRow } from '../../../store/key-dates.ts';

/** key_dates.computed_from as the API shows it, with whether the date is the computed one. */
function presentComputedFrom(value: unknown, dueDate: string): KeyDateComputedFromResponse | null {
  if (value === null || typeof value !== 'object') return null;
  const c = value as ComputedFromRecord; // written only by createKeyDate
  return { ...c, differsFromComputed: dueDate !== c.computedDate };
}

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
    reminderLeadDays: k.reminder_lead_days,
    computedFrom: presentComputedFrom(k.computed_from, k.due_date),
    createdBy: k.created_by,
    createdAt: k.created_at.toISOString(),
    updatedAt: k.updated_at.toISOString(),
  };
}

export const presentKeyDateList = (rows: readonly KeyDateRow[]): KeyDateListResponse => ({
  keyDates: rows.map(presentKeyDate),
});

export const presentKeyDateRegister = (r: KeyDateRegister): KeyDateRegisterResponse => ({
  scope: r.scope,
  teamId: r.teamId,
  userId: r.userId,
  today: r.today,
  keyDates: r.rows.map((k) => ({
    id: k.id,
    case: { id: k.case_id, reference: k.case_reference, status: k.case_status },
    owner: { id: k.owner_id, displayName: k.owner_name },
    kind: k.kind,
    description: k.description,
    dueDate: k.due_date,
    dueTime: hoursAndMinutes(k.due_time),
    status: k.status,
    source: k.source,
    workingDaysAway: k.workingDaysAway,
    overdue: k.overdue,
    computedFromTemplate: templateKeyOf(k.computed_from),
  })),
});

const templateKeyOf = (value: unknown): string | null =>
  value !== null &&
  typeof value === 'object' &&
  'templateKey' in value &&
  typeof value.templateKey === 'string'
    ? value.templateKey
    : null;
