import { deleteSession } from '../../store/sessions.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import type { ResolvedSession } from './sessions.ts';

/** Ends a session: the token is deleted, so the cookie is dead even if a copy survives. */
export async function signOut(ctx: ServiceContext, current: ResolvedSession): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx, current.token);
    await audit(ctx, tx, {
      orgId: current.user.org_id,
      actorId: current.user.id,
      action: 'auth.logout',
      entityType: 'user',
      entityId: current.user.id,
    });
  });
}
