import { useEffect, useState } from 'react';

/**
 * A one-shot message for the next page, e.g. "Note filed." after the editor hands over to the case
 * page. The page that shows it clears it once mounted, so a reload or a later visit does not repeat it.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The waiting message, without clearing it (rendering may run more than once before it sticks). */
export function peekFlash(): string | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}

/** The message left for this page (if any); cleared once the page has mounted. */
export function useFlash(): string | null {
  const [message] = useState(peekFlash);
  useEffect(() => clearFlash(), []);
  return message;
}
