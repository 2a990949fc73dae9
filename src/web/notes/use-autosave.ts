import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NoteResponse } from '../../contract/notes.ts';
import type { ApiClient } from '../api-client.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { debounce } from '../lib/debounce.ts';
import { recordsApi } from '../records-api.ts';
import { type NoteValues, requestFromValues, unsavableFields } from './note-values.ts';

/** How long after the last change the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'new' }
  | { kind: 'saved'; note: NoteResponse; at: Date }
  | { kind: 'not-saved'; problem: FormProblem };

export interface Autosave {
  state: SaveState;
  /** Call after every change: the draft is saved once typing pauses. */
  changed: () => void;
  /** Saves any pending change now; resolves to the draft's id (null when it could not be saved). */
  flush: () => Promise<string | null>;
  /** Stops saving (the draft is being filed or thrown away). */
  stop: () => void;
  /** The draft's id once it has been saved. */
  draftId: () => string | null;
}

/**
 * Saves a draft note as it is written: POST the first time, PATCH after, one request at a time, each
 * sending the whole draft as it is then. Changes during a save are saved after it.
 */
export function useAutosave(options: {
  api: ApiClient;
  caseId: string | undefined;
  initial: NoteResponse | null;
  values: NoteValues;
  onCreated: (note: NoteResponse) => void;
}): Autosave {
  const { api, caseId, initial, values, onCreated } = options;
  const [state, setState] = useState<SaveState>(
    initial ? { kind: 'saved', note: initial, at: new Date(initial.updatedAt) } : { kind: 'new' },
  );
  const id = useRef<string | null>(initial?.id ?? null);
  const current = useRef(values);
  current.current = values;
  const dirty = useRef(false);
  const stopped = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const created = useRef(onCreated);
  created.current = onCreated;

  const saveNow = useCallback(async () => {
    if (!dirty.current || stopped.current || !caseId) return;
    const cannot = unsavableFields(current.current);
    if (cannot) {
      setState({ kind: 'not-saved', problem: { detail: Object.values(cannot).join('. '), fields: cannot } });
      return;
    }
    dirty.current = false;
    const body = requestFromValues(current.current);
    try {
      let note: NoteResponse;
      if (id.current) note = await recordsApi.updateDraft(api, id.current, body);
      else {
        note = await recordsApi.createDraft(api, caseId, body);
        id.current = note.id;
        created.current(note);
      }
      setState({ kind: 'saved', note, at: new Date() });
    } catch (error) {
      dirty.current = true;
      const problem = problemFromError(error);
      if (problem) setState({ kind: 'not-saved', problem });
    }
  }, [api, caseId]);

  const enqueue = useCallback(() => {
    queue.current = queue.current.then(saveNow);
    return queue.current;
  }, [saveNow]);

  const debounced = useMemo(() => debounce(() => void enqueue(), AUTOSAVE_DELAY_MS), [enqueue]);

  // Leaving the page with a change not yet saved saves it on the way out.
  useEffect(() => () => void debounced.flush(), [debounced]);

  return {
    state,
    changed: useCallback(() => {
      dirty.current = true;
      debounced();
    }, [debounced]),
    flush: useCallback(async () => {
      debounced.cancel();
      await enqueue();
      return dirty.current ? null : id.current;
    }, [debounced, enqueue]),
    stop: useCallback(() => {
      stopped.current = true;
      debounced.cancel();
    }, [debounced]),
    draftId: useCallback(() => id.current, []),
  };
}
