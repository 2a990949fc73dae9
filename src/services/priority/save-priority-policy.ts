import { isDeepStrictEqual } from 'node:util';
import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  DEFAULT_PRIORITY_POLICY,
  type PriorityPolicy,
  validatePolicy,
} from '../../domain/priority/policy.ts';
import {
  findCurrentPriorityPolicy,
  insertNextPriorityPolicy,
  lockPriorityPolicies,
} from '../../store/priority-policies.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { PriorityPolicyVersion } from './get-priority-policy.ts';
import { reassessOpenCases } from './reassess-cases.ts';

/**
 * An administrator saves a new version of the organisation's priority policy, with a note on why.
 * The policy must pass validatePolicy (every problem is named as a field `policy.<path>`); a policy
 * identical to the one in force (the default, while none is saved) is refused. Versions are
 * numbered under a per-organisation lock, so two admins saving at once get consecutive versions.
 * Then every open case is re-assessed under the new version.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (the policy's problems), CONFLICT (no change)
 */
export async function savePriorityPolicy(
  ctx: ServiceContext,
  input: { policy: PriorityPolicy; changeNote?: string | null },
): Promise<PriorityPolicyVersion> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'priority_policy', entityId: 'current' });
  const problems = validatePolicy(input.policy);
  const first = problems[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `policy.${first.path}: ${first.message}`, {
      fields: problems.map((p) => ({ field: `policy.${p.path}`, message: p.message })),
    });
  }
  const changeNote = input.changeNote?.trim() || null;
  const saved = await inTransaction(ctx, async (tx) => {
    await lockPriorityPolicies(tx, actor.orgId);
    const current = await findCurrentPriorityPolicy(tx, actor.orgId);
    if (isDeepStrictEqual(toPlain(current?.policy ?? DEFAULT_PRIORITY_POLICY), toPlain(input.policy))) {
      throw new AppError(
        'CONFLICT',
        `This policy is the same as version ${current?.version ?? 0}, which is already in force; change something before saving.`,
      );
    }
    const saved = await insertNextPriorityPolicy(tx, actor.orgId, {
      policy: input.policy,
      changeNote,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'priority_policy.saved',
      entityType: 'priority_policy',
      entityId: String(saved.version),
      details: { version: saved.version },
    });
    return {
      version: saved.version,
      policy: saved.policy,
      changeNote: saved.changeNote,
      createdAt: saved.createdAt,
    };
  });
  // Every open case is measured against the new version (in batches, after the save commits).
  await reassessOpenCases(ctx, actor.orgId, 'policy');
  return saved;
}

/** The policy as it round-trips through JSON (jsonb), so key order and undefined do not matter. */
const toPlain = (policy: PriorityPolicy): unknown => JSON.parse(JSON.stringify(policy));
