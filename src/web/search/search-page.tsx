import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { searchQuerySchema } from '../../contract/search.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { CASE_STATUS_LABELS, labelOf, NOTE_TYPE_LABELS } from '../lib/labels.ts';
import { PageHeading } from '../page-heading.tsx';
import { PageLoading } from '../page-loading.tsx';
import { recordsApi, type SearchResults } from '../records-api.ts';
import { followLink, navigate, useSearch } from '../router.ts';
import { paths } from '../routes.ts';
import { Snippet } from '../snippet.tsx';

const FIELD_IDS = { q: 'search-q', 'query.q': 'search-q' };

type Found = { q: string; results: SearchResults } | { q: string; problem: FormProblem } | null;

/** Full-text search over filed notes and case summaries you may see; the query lives in the address. */
export function SearchPage({ api }: { api: ApiClient }) {
  const q = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [found, setFound] = useState<Found>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  useEffect(() => {
    setText(q);
    setFound(null);
    if (!q) return;
    let live = true;
    recordsApi
      .search(api, q)
      .then((results) => live && setFound({ q, results }))
      .catch((error) => {
        const p = problemFromError(error);
        if (live && p) setFound({ q, problem: p });
      });
    return () => {
      live = false;
    };
  }, [api, q]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = searchQuerySchema.shape.q.safeParse(text);
    if (!parsed.success) {
      setProblem({ detail: 'Check what you entered.', fields: { q: parsed.error.issues[0]?.message ?? '' } });
      return;
    }
    setProblem(null);
    navigate(paths.search(parsed.data), { focus: false });
  }

  const shown = found && found.q === q ? found : null;
  return (
    <>
      <PageHeading>Search</PageHeading>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <search>
        <form onSubmit={submit} noValidate className="search-form">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              id={FIELD_IDS.q}
              type="search"
              label="Search notes and cases"
              description="Words, “a phrase in quotes”, -word to leave out; or a case reference"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={problem?.fields.q}
              style={{ flex: 1, maxWidth: '36rem' }}
            />
            <Button type="submit" mb={problem?.fields.q ? 24 : 0}>
              Search
            </Button>
          </Group>
        </form>
      </search>
      {q && !shown && <PageLoading what="results" />}
      {shown && 'problem' in shown && (
        <p role="alert" className="field-error">
          {shown.problem.detail}
        </p>
      )}
      {shown && 'results' in shown && <Results q={q} results={shown.results} />}
    </>
  );
}

function Results({ q, results }: { q: string; results: SearchResults }) {
  const total = results.cases.length + results.notes.length;
  return (
    <div className="search-results">
      <p role="status" className="meta">
        {total === 0
          ? `Nothing you may see matches “${q}”.`
          : `${total === 1 ? '1 result' : `${total} results`} for “${q}”.`}
      </p>
      {results.cases.length > 0 && (
        <section aria-labelledby="case-results-heading">
          <h2 id="case-results-heading" className="section-title">
            Cases ({results.cases.length})
          </h2>
          <ul className="result-list">
            {results.cases.map((c) => (
              <li key={c.id} className="result-item">
                <a href={paths.case(c.id)} onClick={followLink} className="result-title">
                  {c.reference}
                </a>{' '}
                <span className="meta">{labelOf(CASE_STATUS_LABELS, c.status)}</span>
                <div className="result-snippet">
                  <Snippet segments={c.snippet} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.notes.length > 0 && (
        <section aria-labelledby="note-results-heading">
          <h2 id="note-results-heading" className="section-title">
            Notes ({results.notes.length})
          </h2>
          <ul className="result-list">
            {results.notes.map((n) => (
              <li key={n.id} className="result-item">
                <a href={paths.note(n.caseId, n.id)} onClick={followLink} className="result-title">
                  {n.isAmendment ? 'Amendment: ' : ''}
                  {labelOf(NOTE_TYPE_LABELS, n.type)} note on {n.reference}, {formatDateTime(n.occurredAt)}
                </a>
                <div className="result-snippet">
                  <Snippet segments={n.snippet} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
