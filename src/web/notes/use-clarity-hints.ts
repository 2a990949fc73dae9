import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClarityHintResponse } from '../../contract/notes.ts';
import type { ApiClient } from '../api-client.ts';
import { debounce } from '../lib/debounce.ts';
import { recordsApi } from '../records-api.ts';
import { hintKey, type NoteValues } from './note-values.ts';

/** How long after the last keystroke the hints are checked. */
export const HINT_DELAY_MS = 800;

/**
 * Clarity hints for the note as it is written: asked for a moment after typing pauses, never
 * blocking anything. A failed check keeps the hints shown before (they are advice, not a gate).
 */
export function useClarityHints(api: ApiClient, values: NoteValues): ClarityHintResponse[] {
  const [hints, setHints] = useState<ClarityHintResponse[]>([]);
  const latest = useRef(0);
  const check = useMemo(
    () =>
      debounce((v: NoteValues) => {
        const mine = ++latest.current;
        const empty = [v.facts, v.advice, v.actionsAgreed, v.judgement].every((s) => s.trim() === '');
        if (empty) {
          setHints([]);
          return;
        }
        recordsApi
          .clarityHints(api, {
            type: v.type,
            facts: v.facts,
            advice: v.advice,
            actionsAgreed: v.actionsAgreed,
            judgement: v.judgement,
          })
          .then((answer) => mine === latest.current && setHints(answer.hints))
          .catch(() => undefined);
      }, HINT_DELAY_MS),
    [api],
  );
  const key = hintKey(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the parts of values the hints read
  useEffect(() => check(values), [key, check]);
  useEffect(() => () => check.cancel(), [check]);
  return hints;
}
