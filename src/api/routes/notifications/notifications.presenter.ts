import type { NotificationListResponse, NotificationResponse } from '../../../contract/notifications.ts';
import type { NotificationList } from '../../../services/notifications/list-notifications.ts';
import type { NotificationWithCase } from '../../../store/notifications.ts';

export function presentNotification(n: NotificationWithCase): NotificationResponse {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.case_id,
    caseReference: n.case_reference,
    message: n.message,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at ? n.read_at.toISOString() : null,
    sentBy: n.sent_by ? { id: n.sent_by, displayName: n.sent_by_name ?? '' } : null,
    emailStatus: n.email_status,
  };
}

export const presentNotificationList = (list: NotificationList): NotificationListResponse => ({
  notifications: list.notifications.map(presentNotification),
  unreadCount: list.unreadCount,
});
