import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { takeFocusRequest, usePathname } from './router.ts';

export interface PageHeadingProps {
  children: string;
  /** Change it to move focus to the heading again, e.g. when one step of a form gives way to the next. */
  focusKey?: string;
  /** A short line shown above the heading text, inside the h1 (e.g. the case reference). */
  eyebrow?: string;
  /** The document title when it should differ from the heading (e.g. no client name in the tab). */
  documentTitle?: string;
}

/**
 * The page's one h1. Sets the document title, and takes focus after a client-side navigation (or when
 * `focusKey` changes) so screen-reader and keyboard users start at the top of what is new.
 */
export function PageHeading({ children, focusKey, eyebrow, documentTitle }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const firstKey = useRef(focusKey);
  const pathname = usePathname();

  useEffect(() => {
    document.title = `${documentTitle ?? children} – Caseload`;
  }, [children, documentTitle]);

  // On mount, and when a redirect changes the address under an already-mounted page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, [pathname]);

  useEffect(() => {
    if (focusKey !== firstKey.current) {
      firstKey.current = focusKey;
      ref.current?.focus();
    }
  }, [focusKey]);

  return (
    <Title order={1} ref={ref} tabIndex={-1} mb="md">
      {eyebrow && <span className="h1-eyebrow">{eyebrow}</span>}
      {children}
    </Title>
  );
}
