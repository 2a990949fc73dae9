import { describe, expect, it } from 'vitest';
import { composeNotificationEmail, notificationKindLabel } from './notification-kinds.ts';

const base = {
  caseId: '6f1c2b0e-1111-4222-8333-944455556666',
  caseReference: 'CL-2026-000123',
  sentByName: null,
  publicUrl: 'https://caseload.example.org',
};

describe('composeNotificationEmail', () => {
  it('says "<case reference>: <what happened>", the detail and a link to the case', () => {
    const mail = composeNotificationEmail({
      ...base,
      kind: 'key-date-missed',
      message: 'Key date missed on CL-2026-000123: the hearing of Mon 4 Jan has passed and is still pending.',
    });
    expect(mail.subject).toBe('CL-2026-000123: key date missed');
    expect(mail.text).toContain('the hearing of Mon 4 Jan has passed');
    expect(mail.text).toContain(`https://caseload.example.org/cases/${base.caseId}`);
    expect(mail.html).toContain(
      `<a href="https://caseload.example.org/cases/${base.caseId}">Open the case</a>`,
    );
  });

  it('leaves a colleague’s message out and says who sent it', () => {
    const mail = composeNotificationEmail({
      ...base,
      kind: 'informed',
      message: 'Mrs Jones rang: the eviction hearing moved',
      sentByName: 'Alex Adviser',
    });
    expect(mail.subject).toBe('CL-2026-000123: message from a colleague');
    expect(mail.text).toContain('Alex Adviser sent you a message about CL-2026-000123');
    expect(mail.text + mail.html).not.toContain('Jones');
    expect(mail.text + mail.html).not.toContain('eviction');
  });

  it('escapes HTML and links to the notifications page when there is no case', () => {
    const mail = composeNotificationEmail({
      ...base,
      caseId: null,
      caseReference: null,
      kind: 'something-new',
      message: '<b>odd</b> & new',
    });
    expect(mail.subject).toBe('Caseload: something new');
    expect(mail.html).toContain('&lt;b&gt;odd&lt;/b&gt; &amp; new');
    expect(mail.text).toContain('https://caseload.example.org/notifications');
  });
});

describe('notificationKindLabel', () => {
  it('has words for every kind, and the code in words for an unknown one', () => {
    expect(notificationKindLabel('turned-red')).toBe('case turned red');
    expect(notificationKindLabel('review-due')).toBe('caseload review due');
    expect(notificationKindLabel('some-future-kind')).toBe('some future kind');
  });
});
