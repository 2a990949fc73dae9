import { Table } from '@mantine/core';
import { KEY_DATE_KIND_LABELS, labelOf } from '../lib/labels.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import type { WorklistRow } from './worklist-query.ts';
import {
  attentionWhat,
  BAND_WORDS,
  CLOCK_STATUS_WORDS,
  clockDue,
  daysSinceWords,
  flagTags,
  keyDateWhen,
  STATUS_WORDS,
  shortDate,
} from './worklist-words.ts';

export interface WorklistTableProps {
  rows: WorklistRow[];
  /** Today in the organisation's time zone: dates in its year are shown without the year. */
  today: string;
  showOwner: boolean;
  caption: string;
}

/** The worklist as a table in worklist order; every row links to its case. */
export function WorklistTable({ rows, today, showOwner, caption }: WorklistTableProps) {
  return (
    <Table.ScrollContainer minWidth={showOwner ? 1040 : 940}>
      <Table className="data-table wl-table" verticalSpacing={6} horizontalSpacing={8} data-testid="worklist">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Band</Table.Th>
            <Table.Th scope="col">Case</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
            <Table.Th scope="col">Next key date</Table.Th>
            <Table.Th scope="col">Next action due</Table.Th>
            <Table.Th scope="col">Last attention</Table.Th>
            <Table.Th scope="col">Timescales</Table.Th>
            <Table.Th scope="col">Resources</Table.Th>
            {showOwner && <Table.Th scope="col">Owner</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <WorklistTableRow key={row.case.id} row={row} today={today} showOwner={showOwner} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The worklist's short words for a client without live consent to recording. */
const CONSENT_TAG = {
  active: 'Consent to recording given',
  expired: 'Consent expired',
  withdrawn: 'Consent withdrawn',
  none: 'No consent recorded',
} as const;

function WorklistTableRow({
  row,
  today,
  showOwner,
}: {
  row: WorklistRow;
  today: string;
  showOwner: boolean;
}) {
  const tags = flagTags(row.flags);
  return (
    <Table.Tr data-testid="worklist-row">
      <Table.Td>
        <BandCell row={row} />
      </Table.Td>
      <Table.Td className="wl-case">
        <a href={paths.case(row.case.id)} onClick={followLink} className="case-ref">
          {row.case.reference}
        </a>
        <span className="wl-client">{row.client.displayName}</span>
        <span className="wl-small muted">{row.type.name}</span>
        {(row.case.status === 'on_hold' ||
          tags.length > 0 ||
          row.handoverToRead ||
          row.recordingConsent?.flagged) && (
          <span className="badges">
            {row.handoverToRead && <span className="tag tag-flag">Handover note to read</span>}
            {row.recordingConsent?.flagged && (
              <span className="tag tag-flag" title={row.recordingConsent.message}>
                {CONSENT_TAG[row.recordingConsent.status]}
              </span>
            )}
            {row.case.status === 'on_hold' && <span className="tag tag-draft">{STATUS_WORDS.on_hold}</span>}
            {tags.map((tag) => (
              <span key={tag} className="tag tag-flag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </Table.Td>
      <Table.Td className="wl-why">
        <Reasons row={row} />
      </Table.Td>
      <Table.Td>
        {row.nextKeyDate ? (
          <>
            <span className="wl-nowrap">{shortDate(row.nextKeyDate.date, today)}</span>{' '}
            <span className={row.nextKeyDate.missed ? 'wl-small wl-problem' : 'wl-small muted'}>
              {keyDateWhen(row.nextKeyDate)}
            </span>
            <span className="wl-small">
              {labelOf(KEY_DATE_KIND_LABELS, row.nextKeyDate.kind)}: {row.nextKeyDate.description}
            </span>
          </>
        ) : (
          <span className="muted">None pending</span>
        )}
      </Table.Td>
      <Table.Td>
        {row.nextActionDue ? (
          <>
            <span className="wl-nowrap">{shortDate(row.nextActionDue.dueDate, today)}</span>{' '}
            {row.nextActionDue.overdue && <span className="status-tag status-overdue">Overdue</span>}
            <span className="wl-small">{row.nextActionDue.description}</span>
          </>
        ) : (
          <span className="muted">None with a date</span>
        )}
      </Table.Td>
      <Table.Td className="wl-nowrap">{daysSinceWords(row.daysSinceAttention)}</Table.Td>
      <Table.Td className="wl-clocks">
        <ul className="wl-lines">
          <ClockLine
            what={attentionWhat(row.timescale.attention.kind)}
            clock={row.timescale.attention}
            today={today}
          />
          <ClockLine what="Resolution" clock={row.timescale.resolution} today={today} />
        </ul>
      </Table.Td>
      <Table.Td>
        <Resources row={row} />
      </Table.Td>
      {showOwner && <Table.Td>{row.owner.displayName}</Table.Td>}
    </Table.Tr>
  );
}

function BandCell({ row }: { row: WorklistRow }) {
  return (
    <>
      <span className={`wl-band wl-band-${row.band}`}>{BAND_WORDS[row.band]}</span>
      {row.overridden && (
        <span className="wl-marker">Overridden from {BAND_WORDS[row.computedBand].toLowerCase()}</span>
      )}
      {!row.assessed && <span className="wl-marker">Not yet assessed</span>}
    </>
  );
}

/** The headline reason always visible; the others, the override's rationale and the position's explanation on request. */
function Reasons({ row }: { row: WorklistRow }) {
  const [headline, ...rest] = row.reasons;
  const more = rest.length === 0 ? '' : rest.length === 1 ? '1 more reason' : `${rest.length} more reasons`;
  return (
    <>
      <p className="wl-headline">{headline}</p>
      <details className="wl-more">
        <summary>{more ? `${more}; why here` : 'Why here'}</summary>
        {rest.length > 0 && (
          <ul>
            {rest.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
        {row.override && <p>Why overridden: {row.override.rationale}</p>}
        <p>{row.explanation}</p>
      </details>
    </>
  );
}

function ClockLine({
  what,
  clock,
  today,
}: {
  what: string;
  clock: WorklistRow['timescale']['resolution'];
  today: string;
}) {
  return (
    <li>
      {what}: <span className={`wl-state wl-state-${clock.status}`}>{CLOCK_STATUS_WORDS[clock.status]}</span>
      <span className="wl-small muted">{clockDue(clock, today)}</span>
    </li>
  );
}

function Resources({ row }: { row: WorklistRow }) {
  if (row.band !== 'red') return <span className="wl-small muted">Checked for red cases</span>;
  if (row.resourceProblems.length === 0) return <span>In place</span>;
  return (
    <ul className="wl-lines">
      {row.resourceProblems.map((p) => (
        <li key={p} className="wl-problem">
          {p}
        </li>
      ))}
    </ul>
  );
}
