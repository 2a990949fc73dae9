import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Button, Group, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { type AnonymisedExport, anonymisedExportSchema } from '../../contract/anonymised-exports.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';

type Purpose = AnonymisedExport['purpose'];
const PURPOSES: { value: Purpose; label: string; description: string }[] = [
  { value: 'training', label: 'Training', description: 'A worked example for colleagues.' },
  { value: 'quality-audit', label: 'Quality audit', description: 'For an internal or external file audit.' },
  {
    value: 'evidence-portfolio',
    label: 'Evidence portfolio',
    description: 'Your own casework as evidence of your practice.',
  },
];

/** Saves the export as a JSON file in the browser (it is already anonymised; nothing is sent elsewhere). */
function saveJson(x: AnonymisedExport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(x, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `anonymised-export-${x.producedOn}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const readyMessage = (notes: number, restricted: number) =>
  `Anonymised export ready to review below: ${plural(notes, 'note', 'notes')}; ${plural(restricted, 'restricted note', 'restricted notes')} left out.`;

/**
 * The anonymised export of this case: choose the purpose, produce it, read it through here before
 * use (a person reviews every export), and save it as JSON.
 */
export function AnonymisedExportSection({ api, caseId }: { api: ApiClient; caseId: string }) {
  const [purpose, setPurpose] = useState<Purpose>('training');
  const [result, setResult] = useState<AnonymisedExport | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function produce() {
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        await api.post('/api/anonymised-exports', anonymisedExportSchema, {
          body: { caseIds: [caseId], purpose },
        }),
      );
    } catch (error) {
      setResult(null);
      setProblem(problemFromError(error));
    } finally {
      setBusy(false);
    }
  }

  const c = result?.cases[0];
  return (
    <section
      id="anonymised-export"
      aria-labelledby="anonymised-export-heading"
      className="record-section print-hide"
    >
      <h2 id="anonymised-export-heading" className="section-title">
        Anonymised export
      </h2>
      <p className="meta">
        People become pseudonyms (Client A, Staff member 1), identifiers are removed from the text, dates
        become days from the case’s opening, and restricted notes are left out. Read it through before you use
        it: rare identifiers written in unusual ways can be missed.
      </p>
      <ErrorSummary problem={problem} fieldIds={{ purpose: 'anonymised-purpose-training' }} />
      <Radio.Group
        label="What it is for"
        value={purpose}
        onChange={(v) => setPurpose(PURPOSES.find((p) => p.value === v)?.value ?? 'training')}
        error={problem?.fields.purpose}
      >
        <Stack gap={6} mt={4}>
          {PURPOSES.map((p) => (
            <Radio
              key={p.value}
              id={`anonymised-purpose-${p.value}`}
              value={p.value}
              label={p.label}
              description={p.description}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Group gap="xs" mt="sm">
        <Button onClick={() => void produce()} loading={busy}>
          Produce anonymised export
        </Button>
        {result && (
          <Button variant="default" onClick={() => saveJson(result)}>
            Save as JSON
          </Button>
        )}
      </Group>
      <div role="status" className="notice-empty">
        {result && c ? readyMessage(c.notes.length, c.restrictedNotesLeftOut) : ''}
      </div>
      {result && c && (
        <div className="anonymised-preview">
          <h3>
            {c.label} — {c.caseType}
          </h3>
          <p>
            <strong>Client:</strong> {c.client.pseudonym}
            {c.client.ageBandAtOpening ? `, aged ${c.client.ageBandAtOpening}` : ''}
          </p>
          <p>
            <strong>Presenting issue:</strong> {c.presentingIssue}
          </p>
          <ol className="anonymised-notes">
            {c.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes of an export have no ids, the order is fixed
              <li key={i}>
                <strong>
                  Day {n.day} · {n.type} · {n.author}
                </strong>
                {n.facts && <p>Facts: {n.facts}</p>}
                {n.advice && <p>Advice given: {n.advice}</p>}
                {n.actionsAgreed && <p>Actions agreed: {n.actionsAgreed}</p>}
                {n.judgement && <p>Professional judgement: {n.judgement}</p>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
