import { NativeSelect } from '@mantine/core';
import type { CaseTypeListResponse } from '../../contract/case-types.ts';
import type { TeamListResponse } from '../../contract/teams.ts';
import {
  BANDS,
  isFiltered,
  scopeOfValue,
  scopeValue,
  WORKLIST_FLAGS,
  WORKLIST_STATUSES,
  type WorklistFlag,
  type WorklistStatus,
  type WorklistView,
} from './worklist-query.ts';
import { BAND_WORDS, FLAG_WORDS, STATUS_WORDS } from './worklist-words.ts';

export interface WorklistControlsProps {
  view: WorklistView;
  onChange: (view: WorklistView) => void;
  caseTypes: CaseTypeListResponse['caseTypes'];
  /** The teams the person supervises (with their members); empty for everyone else. */
  supervisedTeams: TeamListResponse['teams'];
  userId: string;
}

/**
 * Whose worklist (supervisors only) and the filters, each a labelled control that changes the
 * address at once, so the view is bookmarkable and Back undoes a change.
 */
export function WorklistControls({
  view,
  onChange,
  caseTypes,
  supervisedTeams,
  userId,
}: WorklistControlsProps) {
  const set = (patch: Partial<WorklistView>) => onChange({ ...view, ...patch });
  const toggleBand = (band: (typeof BANDS)[number], on: boolean) =>
    set({ bands: BANDS.filter((b) => (b === band ? on : view.bands.includes(b))) });
  return (
    <search className="wl-controls" aria-label="Worklist filters">
      {supervisedTeams.length > 0 && (
        <NativeSelect
          label="Whose worklist"
          value={scopeValue(view.scope)}
          onChange={(e) => set({ scope: scopeOfValue(e.currentTarget.value) })}
          data={[
            { value: 'mine', label: 'My cases' },
            ...supervisedTeams.map((team) => ({
              group: team.name,
              items: [
                { value: `team:${team.id}`, label: `Whole team: ${team.name}` },
                ...team.members
                  .filter((m) => m.userId !== userId)
                  .map((m) => ({ value: `user:${m.userId}`, label: m.displayName })),
              ],
            })),
          ]}
        />
      )}
      <fieldset>
        <legend>Band</legend>
        <div className="wl-checks">
          {BANDS.map((band) => (
            <label key={band}>
              <input
                id={`wl-band-${band}`}
                type="checkbox"
                checked={view.bands.includes(band)}
                onChange={(e) => toggleBand(band, e.currentTarget.checked)}
              />
              {BAND_WORDS[band]}
            </label>
          ))}
        </div>
      </fieldset>
      <NativeSelect
        label="Case type"
        value={view.type}
        onChange={(e) => set({ type: e.currentTarget.value })}
        data={[{ value: '', label: 'Any type' }, ...caseTypes.map((t) => ({ value: t.key, label: t.name }))]}
      />
      <NativeSelect
        label="Status"
        value={view.status}
        onChange={(e) => set({ status: e.currentTarget.value as WorklistStatus | '' })}
        data={[
          { value: '', label: 'Open and on hold' },
          ...WORKLIST_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] })),
        ]}
      />
      <NativeSelect
        label="Show only"
        value={view.flag}
        onChange={(e) => set({ flag: e.currentTarget.value as WorklistFlag | '' })}
        data={[
          { value: '', label: 'All cases' },
          ...WORKLIST_FLAGS.map((f) => ({ value: f, label: FLAG_WORDS[f] })),
        ]}
      />
      {isFiltered(view) && (
        <button
          type="button"
          className="text-button wl-clear"
          onClick={() => {
            set({ bands: [], type: '', status: '', flag: '' });
            // The button goes away with the filters: keep the keyboard where it was working.
            document.getElementById('wl-band-red')?.focus();
          }}
        >
          Clear filters
        </button>
      )}
    </search>
  );
}
