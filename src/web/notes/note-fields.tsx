import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import type { ActionResponse } from '../../contract/actions.ts';
import type { GoalResponse } from '../../contract/goals.ts';
import type { ClarityHintResponse } from '../../contract/notes.ts';
import { CHANNEL_LABELS, NOTE_TYPE_LABELS, optionsOf } from '../lib/labels.ts';
import type { NoteValues, SectionKey } from './note-values.ts';

/** Problem field name → input id, for the error summary's links. */
export const NOTE_FIELD_IDS: Record<string, string> = {
  type: 'note-type',
  contactChannel: 'note-channel',
  occurredAt: 'note-occurred-at',
  facts: 'note-facts',
  advice: 'note-advice',
  actionsAgreed: 'note-actions-agreed',
  judgement: 'note-judgement',
  sensitivity: 'note-sensitivity-normal',
  goalIds: 'note-links',
  actionIds: 'note-links',
};

const SECTIONS: { key: SectionKey; label: string; hint: string; rows: number }[] = [
  {
    key: 'facts',
    label: 'Facts',
    hint: 'What happened and what the client said — their words where it matters.',
    rows: 5,
  },
  { key: 'advice', label: 'Advice given', hint: 'What you advised, and what it rests on.', rows: 3 },
  { key: 'actionsAgreed', label: 'Actions agreed', hint: 'Who will do what, by when.', rows: 3 },
  {
    key: 'judgement',
    label: 'Professional judgement (opinion)',
    hint: 'Your opinion, shown labelled as opinion wherever the note is read. Say what it rests on.',
    rows: 3,
  },
];

export interface NoteFieldsProps {
  values: NoteValues;
  onChange: (patch: Partial<NoteValues>) => void;
  /** Field errors to show beside the fields. */
  errors: Record<string, string>;
  hints: ClarityHintResponse[];
  goals: GoalResponse[];
  actions: ActionResponse[];
}

function Hints({ hints, id }: { hints: ClarityHintResponse[]; id: string }) {
  if (hints.length === 0) return null;
  return (
    <ul className="clarity-hints" id={id} aria-label="Clarity hints">
      {hints.map((h) => (
        <li key={`${h.code}-${h.excerpt}`} className="clarity-hint">
          <span className="hint-label">Clarity hint{h.excerpt ? ': ' : '. '}</span>
          {h.excerpt && (
            <>
              <span className="hint-excerpt">“{h.excerpt}”</span> —{' '}
            </>
          )}
          <span className="hint-why">{h.why}</span>
          <span className="hint-suggestion">
            <strong>Try:</strong> {h.suggestion}
          </span>
        </li>
      ))}
    </ul>
  );
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** The note's details, its four sections (with clarity hints beside them), sensitivity and links. */
export function NoteFields({ values, onChange, errors, hints, goals, actions }: NoteFieldsProps) {
  const openActions = actions.filter((a) => a.status === 'open' || values.actionIds.includes(a.id));
  return (
    <Stack gap="md">
      <div className="form-grid three">
        <NativeSelect
          id={NOTE_FIELD_IDS.type}
          label="Type of note"
          value={values.type}
          onChange={(e) => onChange({ type: e.currentTarget.value as NoteValues['type'] })}
          data={optionsOf(NOTE_TYPE_LABELS)}
          error={errors.type}
        />
        {values.type === 'contact' ? (
          <NativeSelect
            id={NOTE_FIELD_IDS.contactChannel}
            label="How the contact happened"
            value={values.contactChannel}
            required
            onChange={(e) =>
              onChange({ contactChannel: e.currentTarget.value as NoteValues['contactChannel'] })
            }
            data={[{ value: '', label: 'Choose…' }, ...optionsOf(CHANNEL_LABELS)]}
            error={errors.contactChannel}
          />
        ) : (
          <div />
        )}
        <TextInput
          id={NOTE_FIELD_IDS.occurredAt}
          type="datetime-local"
          label="When it happened"
          description="Not when you write it"
          value={values.occurredAt}
          required
          onChange={(e) => onChange({ occurredAt: e.currentTarget.value })}
          error={errors.occurredAt}
        />
      </div>
      {SECTIONS.map(({ key, label, hint, rows }) => (
        <div key={key} className={`editor-section editor-${key}`}>
          <Textarea
            id={NOTE_FIELD_IDS[key]}
            label={label}
            description={hint}
            value={values[key]}
            onChange={(e) => onChange({ [key]: e.currentTarget.value })}
            autosize
            minRows={rows}
            error={errors[key]}
          />
          <Hints hints={hints.filter((h) => h.section === key)} id={`${NOTE_FIELD_IDS[key]}-hints`} />
        </div>
      ))}
      <Radio.Group
        label="Who may read it"
        value={values.sensitivity}
        onChange={(v) => onChange({ sensitivity: v === 'restricted' ? 'restricted' : 'normal' })}
        error={errors.sensitivity}
      >
        <Stack gap={6} mt={4}>
          <Radio
            id="note-sensitivity-normal"
            value="normal"
            label="Normal"
            description="Everyone who may see the case reads it."
          />
          <Radio
            id="note-sensitivity-restricted"
            value="restricted"
            label="Restricted"
            description="Only you, the case owner and the team’s supervisors read it; others see only that a restricted note exists."
          />
        </Stack>
      </Radio.Group>
      {goals.length + openActions.length > 0 && (
        <fieldset className="form-section compact" id="note-links" tabIndex={-1}>
          <legend>This note concerns (optional)</legend>
          {errors.goalIds || errors.actionIds ? (
            <p className="field-error">{errors.goalIds ?? errors.actionIds}</p>
          ) : null}
          <div className="check-grid">
            {goals.map((g) => (
              <label key={g.id} className="check-row" htmlFor={`note-goal-${g.id}`}>
                <input
                  type="checkbox"
                  id={`note-goal-${g.id}`}
                  checked={values.goalIds.includes(g.id)}
                  onChange={(e) =>
                    onChange({ goalIds: toggle(values.goalIds, g.id, e.currentTarget.checked) })
                  }
                />
                Goal: {g.description}
              </label>
            ))}
            {openActions.map((a) => (
              <label key={a.id} className="check-row" htmlFor={`note-action-${a.id}`}>
                <input
                  type="checkbox"
                  id={`note-action-${a.id}`}
                  checked={values.actionIds.includes(a.id)}
                  onChange={(e) =>
                    onChange({ actionIds: toggle(values.actionIds, a.id, e.currentTarget.checked) })
                  }
                />
                Action: {a.description}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </Stack>
  );
}
