import { NativeSelect, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  type AssessmentListResponse,
  type AssessmentResponse,
  assessCaseRequestSchema,
  type impactSchema,
} from '../../contract/assessments.ts';
import type { ApiClient } from '../api-client.ts';
import type { FormProblem } from '../form-problem.tsx';
import { problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { BandTag } from './band-tag.tsx';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';
import { priorityApi } from './priority-api.ts';
import {
  assessedHow,
  BAND_WORDS,
  IMPACT_WORDS,
  policyWords,
  quadrantWords,
  VULNERABILITY_WORDS,
} from './priority-labels.ts';

type Impact = z.infer<typeof impactSchema>;

const optionsOf = (words: Record<string, string>) =>
  Object.entries(words).map(([value, label]) => ({ value, label }));

/** A band with "overridden from …" when a practitioner overrode the policy. */
export const AssessmentBand = ({ a }: { a: AssessmentResponse }) => (
  <BandTag band={a.band} computedBand={a.override ? a.computedBand : undefined} />
);

/** The current assessment: band, why, quadrant, score, policy, who and when, the rationale. */
function CurrentAssessment({
  current,
  history,
}: {
  current: AssessmentResponse;
  history: AssessmentResponse[];
}) {
  const [headline, ...others] = current.reasons;
  // An automatic re-assessment keeps the practitioner's last word worth reading.
  const lastJudged =
    current.trigger === 'practitioner' ? current : history.find((a) => a.trigger === 'practitioner');
  return (
    <div className="priority-current" data-testid="priority-current">
      <div>
        <AssessmentBand a={current} />
      </div>
      {headline && (
        // An override's headline carries its rationale: set apart so it reads as the practitioner's.
        <p className={current.override ? 'priority-headline priority-override-note' : 'priority-headline'}>
          {headline}
        </p>
      )}
      {others.length > 0 && (
        <ul
          className="priority-reasons"
          aria-label={current.override ? 'The policy’s reasons' : 'Other reasons'}
        >
          {others.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Quadrant</dt>
          <dd>{quadrantWords(current.quadrant)}</dd>
        </div>
        <div className="detail-row">
          <dt>Score</dt>
          <dd>
            {current.score} points ({policyWords(current.policyVersion)})
          </dd>
        </div>
        <div className="detail-row">
          <dt>Assessed</dt>
          <dd>
            {formatDateTime(current.assessedAt)}, {assessedHow(current)}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Practitioner’s rationale</dt>
          <dd>
            {lastJudged?.rationale
              ? lastJudged === current
                ? lastJudged.rationale
                : `${lastJudged.rationale} (${formatDateTime(lastJudged.assessedAt)}, ${assessedHow(lastJudged)})`
              : 'None yet: no one has assessed this case by hand.'}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The earlier assessments, newest first, folded away. */
function PriorityHistory({ earlier }: { earlier: AssessmentResponse[] }) {
  if (earlier.length === 0) return null;
  return (
    <details className="quiet-details">
      <summary>Priority history ({earlier.length} earlier)</summary>
      <ol className="priority-history">
        {earlier.map((a) => (
          <li key={a.id ?? a.assessedAt}>
            <div>
              <AssessmentBand a={a} />{' '}
              <span className="meta">
                {formatDateTime(a.assessedAt)}, {assessedHow(a)}
              </span>
            </div>
            {a.reasons[0] && <div>{a.reasons[0]}</div>}
            {a.rationale && <div>Rationale: {a.rationale}</div>}
          </li>
        ))}
      </ol>
    </details>
  );
}

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; assessment: AssessmentResponse }
  | { state: 'failed'; detail: string };

/** The policy's answer for the chosen judgements, asked again whenever they change. */
function usePreview(api: ApiClient, caseId: string, vulnerability: number, impact: Impact): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    priorityApi.preview(api, caseId, { vulnerability, impact }).then(
      (assessment) => {
        if (mine === generation.current) setPreview({ state: 'ready', assessment });
      },
      (error: unknown) => {
        const problem = problemFromError(error);
        if (mine === generation.current && problem) setPreview({ state: 'failed', detail: problem.detail });
      },
    );
  }, [api, caseId, vulnerability, impact]);
  return preview;
}

function PreviewBox({ preview }: { preview: Preview }) {
  return (
    <div className="priority-preview" role="status" aria-live="polite" aria-atomic="true">
      <p className="priority-preview-title">What the policy gives with these judgements</p>
      {preview.state === 'loading' && <p>Working it out…</p>}
      {preview.state === 'failed' && <p>Not available: {preview.detail}</p>}
      {preview.state === 'ready' && (
        <>
          <p>
            <BandTag band={preview.assessment.band} /> {preview.assessment.score} points,{' '}
            {quadrantWords(preview.assessment.quadrant).toLowerCase()}
          </p>
          <ul className="priority-reasons">
            {preview.assessment.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface AssessFieldsProps {
  api: ApiClient;
  caseId: string;
  judgements: AssessmentListResponse['judgements'];
  problem: FormProblem | null;
}

/** The fields of the assessment form, with the live preview between the judgements and the rationale. */
function AssessFields({ api, caseId, judgements, problem: p }: AssessFieldsProps) {
  const [vulnerability, setVulnerability] = useState(String(judgements.vulnerability));
  const [impact, setImpact] = useState<Impact>(judgements.impact);
  const [overrideBand, setOverrideBand] = useState('');
  const preview = usePreview(api, caseId, Number(vulnerability), impact);
  const policyBand = preview.state === 'ready' ? preview.assessment.band : null;
  return (
    <>
      <div className="form-grid">
        <NativeSelect
          id="prio-vulnerability"
          name="vulnerability"
          label="Client vulnerability"
          description="Your judgement, from 0 (none known) to 3"
          data={optionsOf(VULNERABILITY_WORDS)}
          value={vulnerability}
          onChange={(e) => setVulnerability(e.currentTarget.value)}
          error={p?.fields.vulnerability}
        />
        <NativeSelect
          id="prio-impact"
          name="impact"
          label="Impact if not actioned"
          description="What happens to the client if nothing is done"
          data={optionsOf(IMPACT_WORDS)}
          value={impact}
          onChange={(e) => setImpact(e.currentTarget.value as Impact)}
          error={p?.fields.impact}
        />
      </div>
      <PreviewBox preview={preview} />
      <Textarea
        id="prio-rationale"
        name="rationale"
        label="Your rationale"
        description="Why you assess the case this way (required)"
        required
        autosize
        minRows={2}
        error={p?.fields.rationale}
      />
      <NativeSelect
        id="prio-override-band"
        name="overrideBand"
        label="Override the policy’s band (optional)"
        description="Only when the policy’s band is wrong for this case: it is shown as an override everywhere"
        mt="sm"
        data={[
          {
            value: '',
            label: policyBand ? `No: keep ${BAND_WORDS[policyBand].toLowerCase()}` : 'No override',
          },
          ...optionsOf(BAND_WORDS),
        ]}
        value={overrideBand}
        onChange={(e) => setOverrideBand(e.currentTarget.value)}
        error={p?.fields['override.band']}
      />
      {overrideBand && (
        <Textarea
          id="prio-override-rationale"
          name="overrideRationale"
          label="Why override the policy?"
          description="Required: your reason for departing from the policy’s band"
          required
          autosize
          minRows={2}
          mt="sm"
          error={p?.fields['override.rationale']}
        />
      )}
    </>
  );
}

const FIELD_IDS = {
  vulnerability: 'prio-vulnerability',
  impact: 'prio-impact',
  rationale: 'prio-rationale',
  'override.band': 'prio-override-band',
  'override.rationale': 'prio-override-rationale',
};

/**
 * The case's priority: its band (an override shown as one), the reasons in plain words, the
 * quadrant, score and policy, who assessed it and why; the assessment form with a live preview;
 * and the priority history.
 */
export function PrioritySection({ api, data, changed }: SectionProps) {
  const { kase, assessments } = data;
  const [current, ...earlier] = assessments.assessments;
  const canAssess = kase.yourAccess.contribute && kase.status !== 'closed';
  return (
    <section id="priority" aria-labelledby="priority-heading" className="record-section">
      <h2 id="priority-heading" className="section-title">
        Priority
      </h2>
      {current ? (
        <CurrentAssessment current={current} history={assessments.assessments} />
      ) : (
        <p className="empty-text">Not assessed yet.</p>
      )}
      {canAssess && (
        <InlineForm
          label="Assess priority"
          submitLabel="Save assessment"
          fieldIds={FIELD_IDS}
          onSubmit={async (d) => {
            const band = textOf(d, 'overrideBand');
            const body = parseOrThrow(
              assessCaseRequestSchema.safeParse({
                vulnerability: Number(textOf(d, 'vulnerability')),
                impact: textOf(d, 'impact'),
                rationale: textOf(d, 'rationale'),
                ...(band ? { override: { band, rationale: textOf(d, 'overrideRationale') } } : {}),
              }),
            );
            await priorityApi.assess(api, kase.id, body);
          }}
          onDone={() => changed('Assessment saved.')}
        >
          {(p) => <AssessFields api={api} caseId={kase.id} judgements={assessments.judgements} problem={p} />}
        </InlineForm>
      )}
      <PriorityHistory earlier={current ? earlier : []} />
    </section>
  );
}
