import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA as axe knows it: every A and AA rule up to 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now and throws (failing the test) if anything violates WCAG 2.2 AA,
 * listing each violation's id, impact, help text and the failing nodes' selectors.
 * @param context names the page state in the failure message, e.g. 'sign-in with a field error'
 * @throws Error listing every violation
 */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    - ${node.target.join(' ')}`).join('\n');
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets}`;
  });
  const where = context ? ` on ${context}` : '';
  throw new Error(
    `${results.violations.length} accessibility violation(s)${where} (${page.url()}):\n${lines.join('\n')}`,
  );
}
