import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Button, Checkbox } from '@mantine/core';
import { useState } from 'react';
import {
  type NotificationListResponse,
  notificationListSchema,
  notificationSchema,
} from '../../contract/notifications.ts';
import { notificationKindLabel } from '../../domain/notifications/notification-kinds.ts';
import type { ApiClient } from '../api-client.ts';
import { problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';

const q = encodeURIComponent;

export const notificationsApi = {
  list: (api: ApiClient, unreadOnly: boolean): Promise<NotificationListResponse> =>
    api.get(`/api/notifications?limit=200${unreadOnly ? '&unread=true' : ''}`, notificationListSchema),
  markRead: (api: ApiClient, id: string) => api.post(`/api/notifications/${q(id)}/read`, notificationSchema),
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The signed-in person's notifications, newest first, each with "Mark as read". */
export function NotificationsPage({ api }: { api: ApiClient }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { loaded, reload } = useLoad(() => notificationsApi.list(api, unreadOnly), String(unreadOnly));
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function markRead(id: string) {
    setPending(id);
    setStatus(null);
    try {
      await notificationsApi.markRead(api, id);
      await reload();
      setStatus('Marked as read.');
    } catch (error) {
      setStatus(problemFromError(error)?.detail ?? null);
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <Checkbox
        id="notifications-unread-only"
        label="Only unread notifications"
        checked={unreadOnly}
        onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        mb="sm"
      />
      <div role="status" className={status ? 'notice notice-success' : 'notice-empty'}>
        {status}
      </div>
      {loaded.state === 'loading' && <PageLoading what="your notifications" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p className="meta">
            {loaded.data.unreadCount === 1 ? '1 unread' : `${loaded.data.unreadCount} unread`}, newest first.
          </p>
          {loaded.data.notifications.length === 0 ? (
            <p className="empty-text">{unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}</p>
          ) : (
            <ol className="plain-list notification-list">
              {loaded.data.notifications.map((n) => (
                <li key={n.id} className={n.readAt ? 'notification read' : 'notification unread'}>
                  <div>
                    <strong>{capitalise(notificationKindLabel(n.kind))}</strong>
                    {n.caseId && n.caseReference && (
                      <>
                        {' — '}
                        <a href={paths.case(n.caseId)} onClick={followLink}>
                          {n.caseReference}
                        </a>
                      </>
                    )}
                  </div>
                  <p className="prose">{n.message}</p>
                  <div className="meta">
                    {n.sentBy ? `From ${n.sentBy.displayName}, ` : ''}
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    {n.readAt ? ` · read ${formatDateTime(n.readAt)}` : ' · unread'}
                  </div>
                  {!n.readAt && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      mt={4}
                      loading={pending === n.id}
                      onClick={() => void markRead(n.id)}
                      aria-label={`Mark as read: ${notificationKindLabel(n.kind)}${
                        n.caseReference ? ` on ${n.caseReference}` : ''
                      }, ${formatDateTime(n.createdAt)}`}
                    >
                      Mark as read
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
