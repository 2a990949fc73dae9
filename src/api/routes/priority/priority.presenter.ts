import type { PriorityPolicyResponse, PriorityPolicyVersionsResponse } from '../../../contract/priority.ts';
import { describePolicy } from '../../../domain/priority/policy.ts';
import type { PriorityPolicyVersion } from '../../../services/priority/get-priority-policy.ts';
import type { PriorityPolicyVersionSummary } from '../../../store/priority-policies.ts';

export const presentPriorityPolicy = (v: PriorityPolicyVersion): PriorityPolicyResponse => ({
  version: v.version,
  policy: v.policy as PriorityPolicyResponse['policy'], // readonly arrays; same shape
  description: describePolicy(v.policy),
  createdAt: v.createdAt?.toISOString() ?? null,
  changeNote: v.changeNote,
});

export const presentPriorityPolicyVersions = (
  versions: readonly PriorityPolicyVersionSummary[],
): PriorityPolicyVersionsResponse => ({
  versions: versions.map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy && v.createdByName ? { id: v.createdBy, name: v.createdByName } : null,
    changeNote: v.changeNote,
  })),
});
