import type { ServiceContext } from '../context.ts';
import { type CaseView, loadCaseView } from './case-view.ts';
import { auditRead, loadCase } from './load-case.ts';

/**
 * One case as its page shows it: client summary (names, pronouns, safe contact, access needs),
 * type, owner, team, status, flags, live shares and field history. The read is audited
 * (`case.viewed`, with the client's id: the summary is a read of the client too).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function getCase(ctx: ServiceContext, caseId: string): Promise<CaseView> {
  const loaded = await loadCase(ctx, caseId, 'view');
  const view = await loadCaseView(ctx, loaded);
  await auditRead(ctx, {
    action: 'case.viewed',
    entityType: 'case',
    entityId: loaded.row.id,
    details: { clientId: loaded.row.client_id },
  });
  return view;
}
