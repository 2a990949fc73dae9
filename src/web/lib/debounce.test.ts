import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.ts';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last arguments, after the pause', () => {
    const fn = vi.fn();
    const d = debounce(fn, 1500);
    d('a');
    vi.advanceTimersByTime(1000);
    d('b');
    vi.advanceTimersByTime(1499);
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('b');
    expect(d.pending).toBe(false);
  });

  it('flush runs a pending call at once; cancel drops it', () => {
    const fn = vi.fn();
    const d = debounce(fn, 1500);
    expect(d.flush()).toBe(false);
    d(1);
    expect(d.flush()).toBe(true);
    expect(fn).toHaveBeenCalledWith(1);
    d(2);
    d.cancel();
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
