import { findClientsForRequest as findRows } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { requireDataProtectionOfficer } from './common.ts';

/**
 * Finds the client a request is about, among every client of the organisation (the DPO answers for
 * all of them, whatever the case visibility). Audited with the count only, never the search words.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function findClientsForRequest(ctx: ServiceContext, q: string) {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const rows = await findRows(tx, actor.orgId, q);
    await audit(ctx, tx, {
      action: 'subject_access.client_lookup',
      entityType: 'client',
      entityId: null,
      details: { count: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      legalName: r.legal_name,
      preferredName: r.preferred_name,
      dateOfBirth: r.date_of_birth,
      caseReferences: r.case_references ?? [],
    }));
  });
}
