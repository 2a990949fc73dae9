/**
 * Mantine's styles are imported per component, so the first screen loads only what it draws. A file
 * that uses a component whose stylesheet main.tsx does not load must import it itself: without it
 * the component renders unstyled wherever no page loaded before happened to bring the sheet (the
 * Notifications page once drew its "only unread" checkbox's tick as large as the page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const WEB = path.join(projectRoot, 'src/web');
const STYLES = path.join(projectRoot, 'node_modules/@mantine/core/styles');

/** Stylesheets a component needs besides its own (Mantine's documentation lists them). */
const ALSO_NEEDS: Record<string, readonly string[]> = {
  Checkbox: ['InlineInput'],
  Radio: ['InlineInput'],
  Switch: ['InlineInput'],
  TextInput: ['Input'],
  Textarea: ['Input'],
  NativeSelect: ['Input'],
  PasswordInput: ['Input'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const sheetsOf = (source: string) =>
  new Set([...source.matchAll(/import '@mantine\/core\/styles\/(\w+)\.css'/g)].map((m) => m[1] ?? ''));

const componentsOf = (source: string) =>
  [...source.matchAll(/import \{([^}]*)\} from '@mantine\/core'/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type ')),
  );

const hasSheet = (name: string) => readdirSync(STYLES).includes(`${name}.css`);

describe('Mantine stylesheets', () => {
  const global = sheetsOf(readFileSync(path.join(WEB, 'main.tsx'), 'utf8'));

  it('are loaded at start for the components every page uses', () => {
    for (const sheet of ['baseline', 'global', 'Button', 'Input']) expect(global.has(sheet)).toBe(true);
  });

  it('are imported by every file that uses a component whose sheet is not loaded at start', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(WEB)) {
      const source = readFileSync(file, 'utf8');
      const own = sheetsOf(source);
      for (const component of componentsOf(source)) {
        const needed = [component, ...(ALSO_NEEDS[component] ?? [])].filter(hasSheet);
        for (const sheet of needed) {
          if (!global.has(sheet) && !own.has(sheet)) {
            missing.push(
              `${path.relative(WEB, file)}: ${component} needs '@mantine/core/styles/${sheet}.css'`,
            );
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
