/**
 * The key-date calls the pages make beyond the case's own records: the register (your key dates, a
 * team's backup diary), the teams a supervisor may choose from, the time-limit templates and their
 * computed dates. Every call throws ApiError with the server's problem details.
 */
import { type KeyDateRegisterResponse, keyDateRegisterSchema } from '../../contract/key-date-register.ts';
import { teamListSchema } from '../../contract/teams.ts';
import {
  type ComputeKeyDateRequest,
  computedKeyDateSchema,
  timeLimitTemplateListSchema,
} from '../../contract/time-limit-templates.ts';
import type { ApiClient } from '../api-client.ts';

const q = encodeURIComponent;

/** Whose key dates: yours, a team's (all you supervise when teamId is left out), one person's. */
export type RegisterChoice =
  | { scope: 'mine' }
  | { scope: 'team'; teamId?: string | undefined }
  | { scope: 'user'; userId: string };

function registerQuery(choice: RegisterChoice): string {
  if (choice.scope === 'team')
    return choice.teamId ? `?scope=team&teamId=${q(choice.teamId)}` : '?scope=team';
  if (choice.scope === 'user') return `?scope=user&userId=${q(choice.userId)}`;
  return '';
}

export const keyDatesApi = {
  register: (api: ApiClient, choice: RegisterChoice): Promise<KeyDateRegisterResponse> =>
    api.get(`/api/key-dates/register${registerQuery(choice)}`, keyDateRegisterSchema),
  /** The organisation's teams with their members (supervisors may list them). */
  teams: (api: ApiClient) => api.get('/api/teams', teamListSchema),
  timeLimitTemplates: (api: ApiClient) => api.get('/api/time-limit-templates', timeLimitTemplateListSchema),
  /** @throws ApiError TIME_LIMIT_TEMPLATE_NOT_FOUND, VALIDATION_FAILED (eventDate, useAlternative) */
  computeKeyDate: (api: ApiClient, templateKey: string, body: ComputeKeyDateRequest) =>
    api.post(`/api/time-limit-templates/${q(templateKey)}/compute`, computedKeyDateSchema, { body }),
};
