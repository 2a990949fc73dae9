/** A function run `waitMs` after the last call; `flush()` runs a pending call now, `cancel()` drops it. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call at once (if any); returns whether there was one. */
  flush(): boolean;
  cancel(): void;
  readonly pending: boolean;
}

/**
 * Debounces `fn`: only the last call of a burst runs, `waitMs` after it.
 * @example const save = debounce(saveDraft, 1500); input.oninput = () => save(); // one save per pause
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;
  const run = () => {
    const args = lastArgs;
    timer = undefined;
    lastArgs = undefined;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    lastArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  };
  debounced.flush = () => {
    if (timer === undefined) return false;
    clearTimeout(timer);
    run();
    return true;
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  Object.defineProperty(debounced, 'pending', { get: () => timer !== undefined });
  return debounced as Debounced<A>;
}
