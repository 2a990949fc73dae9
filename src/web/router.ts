import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/**
 * A tiny History API router: the current pathname as React state, `navigate()` to change it, and a
 * click handler for same-origin links. The server answers index.html for every non-API path.
 */

const listeners = new Set<() => void>();
let focusPending = false;

/** The page part of the address: path and query, not the #fragment (an in-page jump is not a new page). */
const pageKey = (): string => window.location.pathname + window.location.search;
let lastPageKey = typeof window === 'undefined' ? '' : pageKey();

function notify(focus = true): void {
  focusPending = focus;
  lastPageKey = pageKey();
  for (const listener of listeners) listener();
}

// Back/forward to another page moves focus like a link does; a jump within the page (#…) is the browser's.
const onPopState = (): void => {
  if (pageKey() !== lastPageKey) notify();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', onPopState);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

const currentPath = (): string => window.location.pathname;

/** The current pathname; re-renders on navigate() and on back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

const currentSearch = (): string => window.location.search;

/** The current query string (`?q=…`, or ''); re-renders on navigate() and on back/forward. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

export interface NavigateOptions {
  /** Swap the history entry, as redirects should. */
  replace?: boolean;
  /** Move focus to the new page's heading (default). A redirect on first load leaves focus alone. */
  focus?: boolean;
}

/** Go to `path` (same origin; it may carry a query and a #fragment). */
export function navigate(path: string, options: NavigateOptions = {}): void {
  const { pathname, search, hash } = window.location;
  if (path === pathname + search + hash && !options.replace) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify(options.focus ?? true);
}

/**
 * True once after a client-side navigation: the page that mounts next moves focus to its heading,
 * so keyboard and screen-reader users start at the top of the new page. The first load leaves focus alone.
 */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** Handles a click on an in-app link with the router, leaving new-tab and modified clicks to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(event.currentTarget.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  // A jump within this page (#section) is left to the browser, which scrolls to it.
  if (url.pathname + url.search === pageKey() && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
