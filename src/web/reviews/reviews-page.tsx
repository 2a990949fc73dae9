/**
 * "Reviews": when the next caseload review is due, and the reviews held. A practitioner sees their
 * own next review and their past reviews; a supervisor also sees the members of the teams they
 * supervise with their due or overdue dates, and starts a review from here.
 */
import './reviews.css';
import { Button, NativeSelect, Table, TextInput } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import type { ReviewScheduleResponse, ReviewSummaryResponse } from '../../contract/reviews.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink, navigate } from '../router.ts';
import { PATHS, paths } from '../routes.ts';
import { reviewsApi } from './reviews-api.ts';

const STATUS_CLASS: Record<ReviewScheduleResponse['status'], string> = {
  overdue: 'rv-due-overdue',
  'due-today': 'rv-due-now',
  'due-soon': 'rv-due-soon',
  scheduled: 'rv-due-later',
};

/** The due status in words, with a class for the colour (the words always say it). */
function DueWords({ schedule }: { schedule: ReviewScheduleResponse }) {
  return <span className={`rv-due-tag ${STATUS_CLASS[schedule.status]}`}>{schedule.words}</span>;
}

export function ReviewsPage({ api, session }: { api: ApiClient; session: Session }) {
  const { loaded, reload } = useLoad(async () => {
    const [schedules, reviews] = await Promise.all([reviewsApi.schedules(api), reviewsApi.list(api)]);
    return { schedules, reviews: reviews.reviews };
  }, 'reviews');
  if (loaded.state === 'loading') return <PageLoading what="your reviews" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Caseload reviews</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { schedules, reviews } = loaded.data;
  const own = schedules.schedules.find((s) => s.self);
  const team = schedules.schedules.filter((s) => !s.self);
  return (
    <>
      <PageHeading>Caseload reviews</PageHeading>
      <p className="section-hint">
        A caseload review is a structured supervision: the figures of the caseload are frozen when it begins,
        the cases that need discussion are proposed with the reasons, and each decision and improvement agreed
        is recorded.
      </p>
      {own && <OwnSchedule schedule={own} />}
      {(team.length > 0 || session.user.roles.includes('supervisor')) && (
        <TeamSchedules api={api} team={team} onChanged={reload} />
      )}
      <PastReviews reviews={reviews} />
    </>
  );
}

function OwnSchedule({ schedule }: { schedule: ReviewScheduleResponse }) {
  return (
    <section aria-labelledby="own-review-title" className="record-section">
      <h2 id="own-review-title" className="section-title">
        Your next review
      </h2>
      <p data-testid="own-next-review">
        <DueWords schedule={schedule} /> Every {schedule.cadenceWeeks} weeks
        {schedule.cadenceSource === 'organisation' ? ' (your organisation’s cadence)' : ''}.
      </p>
      {schedule.lastReview && (
        <p className="meta">
          Last review completed {formatDateTime(schedule.lastReview.completedAt)} with{' '}
          {schedule.lastReview.supervisorName}.
        </p>
      )}
      {schedule.inProgressReview && (
        <p>
          <a href={paths.review(schedule.inProgressReview.id)} onClick={followLink}>
            Open your review in progress
          </a>{' '}
          (with {schedule.inProgressReview.supervisorName}).
        </p>
      )}
    </section>
  );
}

function TeamSchedules({
  api,
  team,
  onChanged,
}: {
  api: ApiClient;
  team: readonly ReviewScheduleResponse[];
  onChanged: () => void;
}) {
  const [starting, setStarting] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ who: string; problem: FormProblem } | null>(null);

  async function start(s: ReviewScheduleResponse) {
    setStarting(s.practitioner.id);
    setProblem(null);
    try {
      const review = await reviewsApi.start(api, s.practitioner.id);
      navigate(paths.review(review.id));
    } catch (error) {
      const p = problemFromError(error);
      if (p) setProblem({ who: s.practitioner.displayName, problem: p });
      setStarting(null);
    }
  }

  return (
    <section aria-labelledby="team-reviews-title" className="record-section">
      <h2 id="team-reviews-title" className="section-title">
        Your team’s reviews
      </h2>
      {problem && (
        <div role="alert" className="load-failed">
          Could not start the review of {problem.who}: {problem.problem.detail}
        </div>
      )}
      {team.length === 0 ? (
        <p className="empty-text">Nobody in the teams you supervise yet.</p>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="data-table" verticalSpacing={6}>
            <Table.Caption>Members of the teams you supervise, the most overdue first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Practitioner</Table.Th>
                <Table.Th scope="col">Next review</Table.Th>
                <Table.Th scope="col">Last review</Table.Th>
                <Table.Th scope="col">Review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.map((s) => (
                <Table.Tr key={s.practitioner.id}>
                  <Table.Th scope="row">{s.practitioner.displayName}</Table.Th>
                  <Table.Td>
                    <DueWords schedule={s} />
                    <div className="meta">Every {s.cadenceWeeks} weeks</div>
                    {s.mayStart && <ScheduleForm api={api} schedule={s} onSaved={onChanged} />}
                  </Table.Td>
                  <Table.Td>
                    {s.lastReview ? formatDate(s.lastReview.completedAt.slice(0, 10)) : 'None yet'}
                  </Table.Td>
                  <Table.Td>
                    {s.inProgressReview ? (
                      <a href={paths.review(s.inProgressReview.id)} onClick={followLink}>
                        Open the review in progress
                        <span className="rv-visually-hidden"> of {s.practitioner.displayName}</span>
                      </a>
                    ) : s.mayStart ? (
                      <Button
                        size="compact-sm"
                        loading={starting === s.practitioner.id}
                        onClick={() => void start(s)}
                        aria-label={`Start review of ${s.practitioner.displayName}`}
                      >
                        Start review
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

/**
 * A supervisor changes a member's review cadence (or returns them to the organisation's) and the
 * date of their next review, in a disclosure under the due date.
 */
function ScheduleForm({
  api,
  schedule,
  onSaved,
}: {
  api: ApiClient;
  schedule: ReviewScheduleResponse;
  onSaved: () => void;
}) {
  const base = useId();
  const ids = { cadenceWeeks: `${base}-cadence`, nextDueOn: `${base}-next` };
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const name = schedule.practitioner.displayName;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const cadence = String(data.get('cadenceWeeks') ?? '');
    const nextDueOn = String(data.get('nextDueOn') ?? '');
    setPending(true);
    setProblem(null);
    try {
      await reviewsApi.setSchedule(api, schedule.practitioner.id, {
        cadenceWeeks: cadence === 'organisation' ? null : Number(cadence),
        // An unchanged date is left out: the server counts the cadence from the last review.
        ...(nextDueOn && nextDueOn !== schedule.nextDueOn ? { nextDueOn } : {}),
      });
      onSaved();
    } catch (error) {
      setProblem(problemFromError(error));
      setPending(false);
    }
  }

  const weeks = Array.from({ length: 52 }, (_, i) => i + 1);
  return (
    <details className="rv-schedule">
      <summary>
        Change the schedule<span className="rv-visually-hidden"> of {name}</span>
      </summary>
      <form onSubmit={save} noValidate aria-label={`Review schedule of ${name}`}>
        <ErrorSummary problem={problem} fieldIds={ids} />
        <NativeSelect
          id={ids.cadenceWeeks}
          name="cadenceWeeks"
          label="Weeks between reviews"
          defaultValue={schedule.ownCadenceWeeks === null ? 'organisation' : String(schedule.ownCadenceWeeks)}
          data={[
            {
              value: 'organisation',
              label: `The organisation’s (${schedule.organisationCadenceWeeks} weeks)`,
            },
            ...weeks.map((w) => ({ value: String(w), label: w === 1 ? '1 week' : `${w} weeks` })),
          ]}
          error={problem?.fields.cadenceWeeks}
          maw="18rem"
        />
        <TextInput
          id={ids.nextDueOn}
          name="nextDueOn"
          type="date"
          label="Next review on"
          description="Today or later. Left unchanged, the next date is counted from the last review."
          defaultValue={schedule.nextDueOn}
          error={problem?.fields.nextDueOn}
          mt="xs"
          maw="16rem"
        />
        <Button type="submit" size="compact-sm" mt="xs" loading={pending}>
          Save the schedule
        </Button>
      </form>
    </details>
  );
}

function PastReviews({ reviews }: { reviews: readonly ReviewSummaryResponse[] }) {
  return (
    <section aria-labelledby="past-reviews-title" className="record-section">
      <h2 id="past-reviews-title" className="section-title">
        Reviews
      </h2>
      {reviews.length === 0 ? (
        <p className="empty-text">No caseload reviews yet.</p>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="data-table" verticalSpacing={6}>
            <Table.Caption>Caseload reviews you took part in or may read, the latest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Review</Table.Th>
                <Table.Th scope="col">Supervisor</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Next review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">
                    <a href={paths.review(r.id)} onClick={followLink}>
                      {r.practitioner.displayName}, {formatDate(r.startedAt.slice(0, 10))}
                    </a>
                  </Table.Th>
                  <Table.Td>{r.supervisor.displayName}</Table.Td>
                  <Table.Td>
                    {r.status === 'completed' && r.completedAt
                      ? `Completed ${formatDate(r.completedAt.slice(0, 10))}`
                      : 'In progress'}
                  </Table.Td>
                  <Table.Td>{r.nextReviewOn ? formatDate(r.nextReviewOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <p className="meta">
        Your reflective log is private:{' '}
        <a href={PATHS.reflections} onClick={followLink}>
          open it
        </a>{' '}
        to write an entry or share one into a review.
      </p>
    </section>
  );
}
