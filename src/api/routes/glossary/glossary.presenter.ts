import type { GlossaryEntryResponse, GlossaryResponse } from '../../../contract/glossary.ts';
import type { GlossaryEntry } from '../../../store/glossary.ts';

export const presentGlossaryEntry = (entry: GlossaryEntry): GlossaryEntryResponse => ({
  term: entry.term,
  meaning: entry.meaning,
});

export const presentGlossary = (entries: readonly GlossaryEntry[]): GlossaryResponse => ({
  terms: entries.map(presentGlossaryEntry),
});
