/** In-app notifications of the signed-in user (`/api/notifications`). */
import { z } from 'zod';

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
  .describe('What happened: `safeguarding-flag`, `break-glass`, `case-shared`, …');

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: notificationKindSchema,
    caseId: z.uuid().nullable(),
    caseReference: z.string().nullable(),
    message: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
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
