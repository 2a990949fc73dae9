import type { AssessmentResponse } from '../../contract/assessments.ts';
import type { CaseResponse } from '../../contract/cases.ts';
import { formatDate } from '../lib/format.ts';
import { CASE_STATUS_LABELS, labelOf } from '../lib/labels.ts';
import { BandTag } from './band-tag.tsx';

type Client = CaseResponse['client'];

const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? null : v ? yes : no);

/** The safe-contact answers as short lines; "Not asked yet" is itself worth knowing. */
export function safeContactLines(safe: Client['safeContact']): string[] {
  return [
    yesNo(safe.voicemail, 'Voicemail: may leave one', 'Voicemail: do NOT leave one'),
    yesNo(safe.letters, 'Letters: may send', 'Letters: do NOT send'),
    safe.safeTimes ? `Safe times: ${safe.safeTimes}` : null,
    safe.safePhone ? `Safe phone: ${safe.safePhone}` : null,
    safe.safeAddress ? `Safe address: ${safe.safeAddress}` : null,
    safe.notes ?? null,
  ].filter((line): line is string => line !== null);
}

/** The access needs as short lines. */
export function accessNeedLines(needs: Client['accessNeeds']): string[] {
  return [
    needs.interpreter ? `Interpreter${needs.language ? `: ${needs.language}` : ''}` : null,
    needs.bsl ? 'British Sign Language interpreter' : null,
    needs.easyRead ? 'Easy-read material' : null,
    needs.other ?? null,
  ].filter((line): line is string => line !== null);
}

/** Before anyone calls or writes: safe contact and access needs, where they cannot be missed. */
export function ContactCallouts({ client }: { client: Client }) {
  const safe = safeContactLines(client.safeContact);
  const access = accessNeedLines(client.accessNeeds);
  return (
    <div className="callout-row">
      <section className="callout callout-warning" aria-labelledby="safe-contact-heading">
        <h2 id="safe-contact-heading" className="callout-title">
          Safe contact — check before calling or writing
        </h2>
        {safe.length > 0 ? (
          <ul className="plain-list">
            {safe.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="callout-text">Not asked yet: ask how it is safe to contact {client.displayName}.</p>
        )}
      </section>
      <section className="callout callout-info" aria-labelledby="access-needs-heading">
        <h2 id="access-needs-heading" className="callout-title">
          Access needs
        </h2>
        {access.length > 0 ? (
          <ul className="plain-list">
            {access.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="callout-text">None recorded.</p>
        )}
      </section>
    </div>
  );
}

/** "24 Nov 2032 unless extended", with the extension that set the date and its reason. */
export function destructionText(kase: Pick<CaseResponse, 'destructionDueOn' | 'retentionExtension'>): string {
  if (!kase.destructionDueOn) return '—';
  const ext = kase.retentionExtension;
  if (!ext) return `${formatDate(kase.destructionDueOn)} unless extended`;
  return (
    `${formatDate(kase.destructionDueOn)} unless extended again ` +
    `(extended from ${formatDate(ext.previousOn)} by ${ext.extendedBy.displayName} on ` +
    `${formatDate(ext.extendedAt)}: ${ext.reason})`
  );
}

/**
 * The case's facts as a description list: priority (an override shown as one), type, owner, team,
 * status and why, dates, issue, outcome.
 */
export function CaseDetails({
  kase,
  priority,
}: {
  kase: CaseResponse;
  priority?: AssessmentResponse | null;
}) {
  const rows: [string, string][] = [
    ['Client', `${kase.client.displayName}${kase.client.pronouns ? ` (${kase.client.pronouns})` : ''}`],
    ...(kase.client.preferredName && kase.client.preferredName !== kase.client.legalName
      ? [['Legal name', kase.client.legalName] as [string, string]]
      : []),
    ['Case type', kase.type.name],
    ['Status', labelOf(CASE_STATUS_LABELS, kase.status)],
    ...(kase.status === 'on_hold' && kase.holdReason
      ? [['On hold because', kase.holdReason] as [string, string]]
      : []),
    ...(kase.status === 'closed'
      ? ([
          ['Outcome', [kase.outcomeType?.label, kase.outcome].filter(Boolean).join(': ') || '—'],
          ['Closed because', kase.closureReason ?? '—'],
          ...(kase.destructionDueOn
            ? [['To be destroyed on', destructionText(kase)] as [string, string]]
            : []),
        ] as [string, string][])
      : []),
    ['Owner', kase.owner.displayName],
    ['Team', kase.team?.name ?? 'No team'],
    ['Opened', formatDate(kase.openedAt)],
    ['Last attention', formatDate(kase.lastAttentionAt)],
    ['Complexity weight', String(kase.complexityWeight)],
    ['Vulnerability indicators', kase.vulnerabilityIndicators.join(', ') || 'None recorded'],
  ];
  return (
    <div className="case-details">
      <dl className="detail-list">
        {priority !== undefined && (
          <div className="detail-row">
            <dt>Priority</dt>
            <dd>
              {priority ? (
                <BandTag
                  band={priority.band}
                  computedBand={priority.override ? priority.computedBand : undefined}
                />
              ) : (
                'Not assessed yet'
              )}
            </dd>
          </div>
        )}
        {rows.map(([term, value]) => (
          <div key={term} className="detail-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="issue-block">
        <h3 className="subsection-title">Presenting issue</h3>
        <p className="prose">{kase.presentingIssue}</p>
        <h3 className="subsection-title">Desired outcome</h3>
        <p className="prose">{kase.desiredOutcome ?? 'Not recorded.'}</p>
      </div>
    </div>
  );
}
