/** In-app notifications of the signed-in user (`/api/notifications`). */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications/notification-kinds.ts';

export const notificationIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a notification id (a UUID) as listed by GET /api/notifications' }),
});

/** Query parameters (no .meta id: @fastify/swagger cannot resolve a $ref among query parameters). */
export const listNotificationsQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'], { message: 'Give unread as true or false' })
    .optional()
    .describe('`true`: only notifications you have not read yet.'),
  limit: z.coerce
    .number({ message: 'Give limit as a whole number from 1 to 200' })
    .int({ message: 'Give limit as a whole number from 1 to 200' })
    .min(1, { message: 'Give limit as a whole number from 1 to 200' })
    .max(200, { message: 'Give limit as a whole number from 1 to 200' })
    .default(50),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationKindSchema = z
  .string()
  .describe(`What happened: ${NOTIFICATION_KINDS.map((k) => `\`${k}\``).join(', ')}.`);

const colleagueRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: notificationKindSchema,
    caseId: z.uuid().nullable(),
    caseReference: z.string().nullable(),
    message: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
    sentBy: colleagueRefSchema
      .nullable()
      .describe('The colleague who wrote it (`informed`); null when Caseload sent it.'),
    emailStatus: z
      .enum(['none', 'pending', 'sent', 'failed'])
      .describe('E-mail delivery: `none` when e-mail is off, else pending, sent or failed.'),
  })
  .meta({ id: 'Notification' });
export type NotificationResponse = z.infer<typeof notificationSchema>;

export const notificationListSchema = z
  .object({
    notifications: z.array(notificationSchema).describe('Newest first.'),
    unreadCount: z.number().int().describe('All your unread notifications, not only those listed.'),
  })
  .meta({ id: 'NotificationList' });
export type NotificationListResponse = z.infer<typeof notificationListSchema>;

export const caseIdParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});

export const informColleaguesRequestSchema = z
  .strictObject({
    userIds: z
      .array(z.uuid({ message: 'Use user ids (UUIDs) as listed by GET /api/cases/:caseId/colleagues' }), {
        message: 'Choose the colleagues to inform',
      })
      .min(1, { message: 'Choose at least one colleague' })
      .max(20, { message: 'Choose at most 20 colleagues' })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Choose each colleague only once' }),
    message: z
      .string({ message: 'Write a message' })
      .trim()
      .min(1, { message: 'Write a message' })
      .max(1000, { message: 'Use at most 1000 characters' })
      .describe('What the colleagues should know; shown in the app only (never e-mailed).'),
  })
  .meta({ id: 'InformColleaguesRequest' });
export type InformColleaguesRequest = z.infer<typeof informColleaguesRequestSchema>;

export const informColleaguesResultSchema = z
  .object({
    recipients: z.array(colleagueRefSchema).describe('The colleagues who were notified.'),
  })
  .meta({ id: 'InformColleaguesResult' });
export type InformColleaguesResult = z.infer<typeof informColleaguesResultSchema>;

export const caseColleaguesSchema = z
  .object({
    colleagues: z
      .array(
        colleagueRefSchema.extend({
          teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
        }),
      )
      .describe('Active people of your organisation, by name, without you.'),
  })
  .meta({ id: 'CaseColleagues' });
export type CaseColleagues = z.infer<typeof caseColleaguesSchema>;
