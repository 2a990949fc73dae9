import { useCallback, useEffect, useRef, useState } from 'react';
import { type FormProblem, problemFromError } from '../form-problem.tsx';

export type Loaded<T> =
  | { state: 'loading'; data?: undefined; problem?: undefined }
  | { state: 'failed'; data?: undefined; problem: FormProblem }
  | { state: 'ready'; data: T; problem?: undefined };

export interface LoadResult<T> {
  loaded: Loaded<T>;
  /** Loads again, keeping what is shown until the new answer arrives. */
  reload: () => Promise<void>;
}

/**
 * Loads data for a page with `load`, again when `key` changes (say what is loaded: a case id, a
 * scope). Answers that arrive after the key changed (or after unmount) are dropped. A 401 already
 * sent the person to sign in: nothing to show.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): LoadResult<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when to load again
  const run = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await latest.current();
      if (mine === generation.current) setLoaded({ state: 'ready', data });
    } catch (error) {
      const problem = problemFromError(error);
      if (mine === generation.current && problem) setLoaded({ state: 'failed', problem });
    }
  }, [key]);

  useEffect(() => {
    setLoaded({ state: 'loading' });
    void run();
    return () => {
      generation.current++;
    };
  }, [run]);

  return { loaded, reload: run };
}
