import { describe, expect, it } from 'vitest';
import { requiresMfa } from './actor.ts';

describe('requiresMfa', () => {
  it('requires a second factor for admins and supervisors only', () => {
    expect(requiresMfa(['admin'])).toBe(true);
    expect(requiresMfa(['adviser', 'supervisor'])).toBe(true);
    expect(requiresMfa(['adviser'])).toBe(false);
    expect(requiresMfa(['auditor'])).toBe(false);
  });
});
