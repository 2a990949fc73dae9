import type { ExternalFactor } from '../../../contract/external-factors.ts';
import type { ExternalFactorView } from '../../../services/external-factors/external-factor-checks.ts';

export const presentExternalFactor = (f: ExternalFactorView): ExternalFactor => ({
  id: f.id,
  kind: f.kind,
  title: f.title,
  description: f.description,
  startsOn: f.startsOn,
  endsOn: f.endsOn,
  teamId: f.teamId,
  teamName: f.teamName,
  userId: f.userId,
  userName: f.userName,
  createdBy: f.createdBy,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
  canChange: f.canChange,
});
