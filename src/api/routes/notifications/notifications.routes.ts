/** The signed-in user's in-app notifications. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  listNotificationsQuerySchema,
  notificationIdParamsSchema,
  notificationListSchema,
  notificationSchema,
} from '../../../contract/notifications.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { listNotifications } from '../../../services/notifications/list-notifications.ts';
import { markNotificationRead } from '../../../services/notifications/mark-notification-read.ts';
import { presentNotification, presentNotificationList } from './notifications.presenter.ts';

const problems = problemResponses(400, 401, 403, 404);

export const notificationsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Your notifications, newest first, with how many are unread',
        tags: ['notifications'],
        querystring: listNotificationsQuerySchema,
        response: { 200: notificationListSchema, ...problems },
      },
    },
    async (request) =>
      presentNotificationList(
        await listNotifications(request.ctx, {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        }),
      ),
  );

  app.post(
    '/:id/read',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Mark one of your notifications read',
        description: 'Reading it again keeps the first time. Errors: NOT_FOUND.',
        tags: ['notifications'],
        params: notificationIdParamsSchema,
        response: { 200: notificationSchema, ...problems },
      },
    },
    async (request) => presentNotification(await markNotificationRead(request.ctx, request.params.id)),
  );
};
