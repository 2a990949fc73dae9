import { describe, expect, it } from 'vitest';
import { formatCaseReference, parseCaseReference } from './reference.ts';

describe('case references', () => {
  it('formats CL-<year>-<six digits>', () => {
    expect(formatCaseReference(2026, 123)).toBe('CL-2026-000123');
    expect(formatCaseReference(2026, 1_234_567)).toBe('CL-2026-1234567');
  });
  it('refuses impossible numbers', () => {
    expect(() => formatCaseReference(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseReference(26, 1)).toThrow(RangeError);
  });
  it('parses what it formats, ignoring case and spaces', () => {
    expect(parseCaseReference(' cl-2026-000123 ')).toEqual({ year: 2026, sequence: 123 });
    expect(parseCaseReference('CL-2026-12')).toBeUndefined();
  });
});
