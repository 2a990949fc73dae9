import type { Actor } from '../../domain/access/actor.ts';
import { dueInWords } from '../../domain/data-protection/request-dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import {
  getRectificationRequest,
  type LinkedFieldChange,
  listRectificationLinks,
  type RectificationRow,
} from '../../store/subject-access-requests.ts';

export interface RectificationView {
  readonly row: RectificationRow;
  readonly due: ReturnType<typeof dueInWords>;
  readonly fieldChanges: readonly LinkedFieldChange[];
  readonly amendmentNoteIds: readonly string[];
}

/** The requests with their linked changes and amendment notes, and the due date in words. */
export async function rectificationViews(
  db: DbOrTx,
  orgId: string,
  rows: readonly RectificationRow[],
  today: string,
): Promise<RectificationView[]> {
  const links = await listRectificationLinks(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    row,
    due: dueInWords({ dueOn: row.due_on, closed: row.status !== 'received', today }),
    fieldChanges: links.changes.filter((c) => c.rectification_request_id === row.id),
    amendmentNoteIds: links.notes.filter((n) => n.rectification_request_id === row.id).map((n) => n.note_id),
  }));
}

/**
 * A rectification request of the organisation.
 * @throws AppError NOT_FOUND
 */
export async function requireRectificationRequest(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RectificationRow> {
  const row = await getRectificationRequest(db, actor.orgId, id, options);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such rectification request in your organisation.');
  return row;
}

export async function rectificationView(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [view] = await rectificationViews(
    db,
    actor.orgId,
    [await requireRectificationRequest(db, actor, id)],
    today,
  );
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}
