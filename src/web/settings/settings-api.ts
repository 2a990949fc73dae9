/**
 * The organisation settings an administrator edits: time-limit templates, reminder lead times and
 * service timescales. Every call throws ApiError with the server's problem details.
 */
import { type ReminderSettingsRequest, reminderSettingsSchema } from '../../contract/organisation.ts';
import {
  type SetServiceTimescaleRequest,
  serviceTimescalesChangeSchema,
  serviceTimescalesSchema,
} from '../../contract/service-timescales.ts';
import {
  type CreateTimeLimitTemplateRequest,
  timeLimitTemplateListSchema,
  timeLimitTemplateSchema,
  type UpdateTimeLimitTemplateRequest,
} from '../../contract/time-limit-templates.ts';
import type { ApiClient } from '../api-client.ts';

const q = encodeURIComponent;

export const settingsApi = {
  /** Every template, inactive ones too (admins). */
  allTemplates: (api: ApiClient) =>
    api.get('/api/time-limit-templates?all=true', timeLimitTemplateListSchema),
  createTemplate: (api: ApiClient, body: CreateTimeLimitTemplateRequest) =>
    api.post('/api/time-limit-templates', timeLimitTemplateSchema, { body }),
  updateTemplate: (api: ApiClient, key: string, body: UpdateTimeLimitTemplateRequest) =>
    api.put(`/api/time-limit-templates/${q(key)}`, timeLimitTemplateSchema, { body }),
  setTemplateActive: (api: ApiClient, key: string, active: boolean) =>
    api.post(
      `/api/time-limit-templates/${q(key)}/${active ? 'activate' : 'deactivate'}`,
      timeLimitTemplateSchema,
    ),

  reminders: (api: ApiClient) => api.get('/api/organisation/reminders', reminderSettingsSchema),
  setReminders: (api: ApiClient, body: ReminderSettingsRequest) =>
    api.put('/api/organisation/reminders', reminderSettingsSchema, { body }),

  timescales: (api: ApiClient) => api.get('/api/service-timescales', serviceTimescalesSchema),
  setTimescale: (api: ApiClient, body: SetServiceTimescaleRequest) =>
    api.put('/api/service-timescales', serviceTimescalesChangeSchema, { body }),
  /** Clears a setting so it inherits again; the answer is not needed (the page loads the table again). */
  clearTimescale: (api: ApiClient, caseTypeId: string | null, band: string) =>
    api.delete(`/api/service-timescales?${caseTypeId ? `caseTypeId=${q(caseTypeId)}&` : ''}band=${q(band)}`),
};
