import { AppError } from '../../domain/errors.ts';
import { listGlossaryTerms } from '../../store/glossary.ts';
import { listDrafts } from '../../store/notes.ts';
import { auditRead, type LoadedCase, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { type NoteView, toNoteViews } from './note-view.ts';

/**
 * The signed-in person's drafts on every case they may still view, the most recently saved first,
 * with clarity hints. The read is audited.
 * @throws AppError UNAUTHENTICATED
 */
export async function listMyDrafts(ctx: ServiceContext): Promise<NoteView[]> {
  const actor = requireActor(ctx);
  const drafts = await listDrafts(ctx.db, actor.orgId, actor.id);
  const glossary = drafts.length > 0 ? await listGlossaryTerms(ctx.db, actor.orgId) : [];
  const cases = new Map<string, LoadedCase | undefined>();
  const views: NoteView[] = [];
  for (const draft of drafts) {
    if (!cases.has(draft.case_id)) cases.set(draft.case_id, await viewableCase(ctx, draft.case_id));
    const kase = cases.get(draft.case_id);
    if (kase) views.push(...toNoteViews(ctx, kase.access, [draft], [], glossary));
  }
  await auditRead(ctx, {
    action: 'note.drafts_listed',
    entityType: 'user',
    entityId: actor.id,
    details: { notes: views.length },
  });
  return views;
}

/** The case, or undefined when the person may no longer view it (a share ended). */
async function viewableCase(ctx: ServiceContext, caseId: string): Promise<LoadedCase | undefined> {
  try {
    return await loadCase(ctx, caseId, 'view');
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') return undefined;
    throw error;
  }
}
