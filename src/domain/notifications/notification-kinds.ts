/**
 * What a notification can be about, in plain words, and the e-mail that carries one. E-mails hold
 * the case reference and what happened, never anything about the client or a note: the message a
 * colleague wrote stays in the app, behind sign-in.
 */

export const NOTIFICATION_KINDS = [
  'safeguarding-flag',
  'break-glass',
  'case-shared',
  'case-assigned',
  'turned-red',
  'key-date-reminder',
  'key-date-missed',
  'timescale-breached',
  'informed',
  'review-due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What happened, in a few words ("CL-2026-000123: key date missed"). */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  'safeguarding-flag': 'safeguarding concern flagged',
  'break-glass': 'emergency access to the case',
  'case-shared': 'case shared with you',
  'case-assigned': 'case assigned to you',
  'turned-red': 'case turned red',
  'key-date-reminder': 'key date reminder',
  'key-date-missed': 'key date missed',
  'timescale-breached': 'service timescale breached',
  informed: 'message from a colleague',
  'review-due': 'caseload review due',
};

/** The label of a kind, or the kind in words for one this version does not know. */
export function notificationKindLabel(kind: string): string {
  return (NOTIFICATION_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind.replaceAll('-', ' ');
}

export interface NotificationEmailInput {
  readonly kind: string;
  readonly caseId: string | null;
  readonly caseReference: string | null;
  /** The notification's text; for 'informed' it is a colleague's message and is left out. */
  readonly message: string;
  /** The colleague who sent it (for 'informed'). */
  readonly sentByName: string | null;
  /** The app's public address, without a trailing slash. */
  readonly publicUrl: string;
}

export interface NotificationEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/**
 * The e-mail of a notification: "<case reference>: <what happened>", one line of detail and a link
 * to the case (or to the notifications page when there is no case).
 * @example composeNotificationEmail({ kind: 'key-date-missed', caseId: 'c1', caseReference: 'CL-2026-000123',
 *   message: 'Key date missed on CL-2026-000123: …', sentByName: null, publicUrl: 'https://caseload.example.org' })
 * // { subject: 'CL-2026-000123: key date missed', text: '…https://caseload.example.org/cases/c1…', html: '…' }
 */
export function composeNotificationEmail(input: NotificationEmailInput): NotificationEmail {
  const what = notificationKindLabel(input.kind);
  const subject = `${input.caseReference ?? 'Caseload'}: ${what}`;
  const detail =
    input.kind === 'informed'
      ? `${input.sentByName ?? 'A colleague'} sent you a message${
          input.caseReference ? ` about ${input.caseReference}` : ''
        }. Read it in Caseload.`
      : input.message;
  const link = input.caseId
    ? `${input.publicUrl}/cases/${encodeURIComponent(input.caseId)}`
    : `${input.publicUrl}/notifications`;
  const linkWords = input.caseId ? 'Open the case' : 'Open your notifications';
  const footer = 'You receive this because of your work in Caseload. Sign in to see the details.';
  const text = `${subject}\n\n${detail}\n\n${linkWords}: ${link}\n\n-- \n${footer}\n`;
  const html = [
    '<!doctype html><html lang="en"><body>',
    `<p><strong>${escapeHtml(subject)}</strong></p>`,
    `<p>${escapeHtml(detail)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(linkWords)}</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
