import { useEffect, useState } from 'react';

/** A message for the sign-in page after leaving the app: signed out, or the session ended. */
export interface Notice {
  tone: 'success' | 'warning';
  text: string;
}

export const NOTICES = {
  signedOut: { tone: 'success', text: 'You have signed out.' },
  sessionEnded: { tone: 'warning', text: 'Your session has ended; please sign in again.' },
} as const satisfies Record<string, Notice>;

/**
 * A polite live region (role="status"). The text goes in just after the region mounts: screen readers
 * announce changes to a live region, not a region that arrives with its text already in it.
 */
export function StatusNotice({ notice }: { notice: Notice | null }) {
  const [shown, setShown] = useState<Notice | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setShown(notice), 50);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return (
    <div role="status" className={shown ? `notice notice-${shown.tone}` : 'notice-empty'}>
      {shown?.text}
    </div>
  );
}
