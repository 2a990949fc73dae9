import { describe, expect, it } from 'vitest';
import { canEditKeyDate, hoursAndMinutes, keyDateStatusProblem } from './key-date-rules.ts';

describe('key date rules', () => {
  it('edits pending dates only', () => {
    expect(canEditKeyDate('pending')).toBe(true);
    expect(canEditKeyDate('met')).toBe(false);
    expect(canEditKeyDate('missed')).toBe(false);
    expect(canEditKeyDate('cancelled')).toBe(false);
  });

  it('allows a change to another status (including back to pending) but not to the same one', () => {
    expect(keyDateStatusProblem('pending', 'met')).toBeUndefined();
    expect(keyDateStatusProblem('missed', 'pending')).toBeUndefined();
    expect(keyDateStatusProblem('met', 'met')).toBe('This key date is already met.');
  });

  it('shows times as HH:MM', () => {
    expect(hoursAndMinutes('09:30:00')).toBe('09:30');
    expect(hoursAndMinutes(null)).toBeNull();
  });
});
