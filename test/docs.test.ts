/** README is the user's manual: it must list every error code and every environment variable. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.ts';
import { ERROR_CODES } from '../src/domain/errors.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const config = readFileSync(path.join(projectRoot, 'src/config.ts'), 'utf8');

describe('README', () => {
  it('lists every error code', () => {
    expect(Object.keys(ERROR_CODES).filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });

  it('documents every environment variable that config.ts reads', () => {
    const names = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
