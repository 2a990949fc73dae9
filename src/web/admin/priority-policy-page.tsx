/**
 * The priority policy page: the policy in force in plain words (for everyone), its versions (for
 * admins, supervisors and auditors), and for admins a form to change every part of it. Saving makes
 * a new version and re-assesses every open case; each problem the server names is shown next to
 * its field and in the summary at the top of the form.
 */
import './admin.css';
import { Button, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { type Notice, StatusNotice } from '../notice.tsx';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import {
  CHANGE_NOTE_ID,
  draftOf,
  FORM_ID,
  type PolicyDraft,
  placeProblems,
  policyOf,
} from './policy-draft.ts';
import { PolicyForm } from './policy-form.tsx';
import { PolicyHistory } from './policy-history.tsx';
import { type PolicyVersion, priorityPolicyApi } from './priority-policy-api.ts';

interface Placed {
  readonly summary: FormProblem;
  readonly summaryIds: Record<string, string>;
  readonly byId: Record<string, string>;
}

const hasRole = (session: Session, ...roles: string[]) => session.user.roles.some((r) => roles.includes(r));

export function PriorityPolicyPage({ api, session }: { api: ApiClient; session: Session }) {
  const isAdmin = hasRole(session, 'admin');
  const seesHistory = hasRole(session, 'admin', 'supervisor', 'auditor');
  const { loaded, reload } = useLoad(async () => {
    const [current, history] = await Promise.all([
      priorityPolicyApi.current(api),
      seesHistory ? priorityPolicyApi.versions(api) : Promise.resolve(null),
    ]);
    return { current, versions: history?.versions ?? null };
  }, 'priority-policy');
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const inForce = loaded.data?.current;
  useEffect(() => {
    if (inForce) setDraft(draftOf(inForce.policy));
  }, [inForce]);

  if (loaded.state === 'loading') return <PageLoading what="the priority policy" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  const { current, versions } = loaded.data;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    setPending(true);
    setNotice(null);
    try {
      const saved = await priorityPolicyApi.save(api, {
        policy: policyOf(draft),
        changeNote: changeNote.trim(),
      });
      setPlaced(null);
      setChangeNote('');
      setNotice({
        tone: 'success',
        text: `Saved as version ${saved.version}. Every open case has been re-assessed under it.`,
      });
      await reload();
    } catch (error) {
      const problem = problemFromError(error);
      if (problem) {
        const { byId, summary, summaryIds } = placeProblems(problem.fields, draft);
        setPlaced({ summary: { detail: problem.detail, fields: summary }, summaryIds, byId });
      }
    } finally {
      setPending(false);
    }
  }

  function startFrom(version: PolicyVersion) {
    setDraft(draftOf(version.policy));
    setPlaced(null);
    setNotice({
      tone: 'success',
      text: `The form now holds version ${version.version}; change it if you wish and save it as a new version.`,
    });
    document.getElementById(FORM_ID)?.focus();
  }

  const errors = placed?.byId ?? {};
  return (
    <>
      <StatusNotice notice={notice} />
      <PageHeading>Priority policy</PageHeading>
      <section aria-labelledby="policy-in-force-title" className="record-section">
        <h2 id="policy-in-force-title" className="section-title">
          The policy in force: version {current.version}
        </h2>
        <p className="meta">
          {current.version === 0
            ? 'The built-in default: no version has been saved yet.'
            : `Saved ${current.createdAt ? formatDateTime(current.createdAt) : ''}${current.changeNote ? ` — “${current.changeNote}”` : ''}`}
        </p>
        <ul className="policy-description">
          {current.description.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      {isAdmin && draft && (
        <section aria-labelledby={FORM_ID} className="record-section">
          <h2 id={FORM_ID} tabIndex={-1} className="section-title">
            Change the policy
          </h2>
          <p className="section-hint">
            Saving makes version {current.version + 1} and re-assesses every open case under it at once, so
            bands and the worklist may change. Earlier versions are kept and never change.
          </p>
          <ErrorSummary problem={placed?.summary ?? null} fieldIds={placed?.summaryIds ?? {}} />
          {errors[FORM_ID] && <p className="field-error">{errors[FORM_ID]}</p>}
          <form onSubmit={save} noValidate className="record-form">
            <PolicyForm draft={draft} onChange={setDraft} errors={errors} />
            <Textarea
              id={CHANGE_NOTE_ID}
              label="Change note"
              description="What changed and why, in a sentence; it is kept with the version"
              value={changeNote}
              onChange={(event) => setChangeNote(event.currentTarget.value)}
              error={errors[CHANGE_NOTE_ID]}
              autosize
              minRows={2}
              mb="md"
            />
            <div className="page-actions">
              <Button type="submit" loading={pending}>
                Save as version {current.version + 1}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(draftOf(current.policy));
                  setPlaced(null);
                }}
              >
                Undo my changes
              </Button>
            </div>
          </form>
        </section>
      )}

      {versions && (
        <PolicyHistory
          api={api}
          versions={versions}
          inForce={current.version}
          onCopy={isAdmin ? startFrom : undefined}
        />
      )}
    </>
  );
}
