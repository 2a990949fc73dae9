import type { SessionResponse } from '../../../contract/auth.ts';
import type { Role, SessionStage, UserRow } from '../../../store/schema.ts';

export function presentSession(
  s: { stage: SessionStage; csrfToken: string; expiresAt: Date },
  user: UserRow,
): SessionResponse {
  return {
    stage: s.stage,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    user: {
      id: user.id,
      orgId: user.org_id,
      email: user.email,
      displayName: user.display_name,
      roles: user.roles as Role[],
      totpEnabled: user.totp_enabled_at !== null,
    },
  };
}
