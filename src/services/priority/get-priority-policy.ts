import { viewDirectory } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { DEFAULT_PRIORITY_POLICY, type PriorityPolicy } from '../../domain/priority/policy.ts';
import {
  findCurrentPriorityPolicy,
  findPriorityPolicyVersion,
  type StoredPriorityPolicy,
} from '../../store/priority-policies.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/** A version of the priority policy; version 0 is the built-in default, never stored. */
export interface PriorityPolicyVersion {
  readonly version: number;
  readonly policy: PriorityPolicy;
  readonly changeNote: string | null;
  readonly createdAt: Date | null;
}

/** The built-in default, as version 0: what an organisation uses until an admin saves a policy. */
export const DEFAULT_POLICY_VERSION: PriorityPolicyVersion = {
  version: 0,
  policy: DEFAULT_PRIORITY_POLICY,
  changeNote: null,
  createdAt: null,
};

const asVersion = (stored: StoredPriorityPolicy): PriorityPolicyVersion => ({
  version: stored.version,
  policy: stored.policy,
  changeNote: stored.changeNote,
  createdAt: stored.createdAt,
});

/**
 * The priority policy in force in the actor's organisation, for anyone signed in: the highest
 * saved version, or the default policy as version 0 when none has been saved.
 * @throws AppError UNAUTHENTICATED
 */
export async function getPriorityPolicy(ctx: ServiceContext): Promise<PriorityPolicyVersion> {
  const actor = requireActor(ctx);
  const current = await findCurrentPriorityPolicy(ctx.db, actor.orgId);
  return current ? asVersion(current) : DEFAULT_POLICY_VERSION;
}

/**
 * One version of the organisation's priority policy (0 is the default), for admins, supervisors
 * and auditors: to explain an assessment made under an older version.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (no such version)
 */
export async function getPriorityPolicyVersion(
  ctx: ServiceContext,
  version: number,
): Promise<PriorityPolicyVersion> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewDirectory, undefined, {
    entityType: 'priority_policy',
    entityId: String(version),
  });
  if (version === 0) return DEFAULT_POLICY_VERSION;
  const stored = await findPriorityPolicyVersion(ctx.db, actor.orgId, version);
  if (!stored)
    throw new AppError('NOT_FOUND', `Your organisation has no version ${version} of the priority policy.`);
  return asVersion(stored);
}
