import type { ActionResponse } from '../../contract/actions.ts';
import type { CaseResponse } from '../../contract/cases.ts';
import type { GoalResponse } from '../../contract/goals.ts';
import type { NoteResponse } from '../../contract/notes.ts';
import { type ApiClient, ApiError } from '../api-client.ts';
import { recordsApi } from '../records-api.ts';

/** What the note editors need: the case (for its heading), its goals and actions (links), and the note. */
export interface EditorContext {
  kase: CaseResponse;
  goals: GoalResponse[];
  actions: ActionResponse[];
  note: NoteResponse | null;
}

/**
 * Loads the note (when given) and its case's goals and actions.
 * @throws ApiError NOTE_NOT_FOUND, CASE_NOT_FOUND; FORBIDDEN when the note's content is withheld from you
 */
export async function loadEditorContext(
  api: ApiClient,
  start: { caseId?: string | undefined; noteId?: string | undefined },
): Promise<EditorContext> {
  const visible = start.noteId ? await recordsApi.getNote(api, start.noteId) : null;
  if (visible?.restricted) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      code: 'FORBIDDEN',
      detail: 'This note is restricted: only its author, the case owner and the team’s supervisors read it.',
    });
  }
  const note = visible && !visible.restricted ? visible : null;
  const caseId = note?.caseId ?? start.caseId;
  if (!caseId) throw new Error('loadEditorContext: neither a note nor a case');
  const [kase, goals, actions] = await Promise.all([
    recordsApi.getCase(api, caseId),
    recordsApi.goals(api, caseId),
    recordsApi.actions(api, caseId),
  ]);
  return { kase, goals: goals.goals, actions: actions.actions, note };
}
