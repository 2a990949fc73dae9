import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NoteResponse, RestrictedNoteResponse } from '../../contract/notes.ts';
import { NoteCard } from './note-card.tsx';

const heading = {
  id: '11111111-1111-4111-8111-111111111111',
  caseId: '22222222-2222-4222-8222-222222222222',
  caseReference: 'CL-2026-000001',
  status: 'filed' as const,
  type: 'contact' as const,
  occurredAt: '2026-11-20T10:00:00.000Z',
  recordedAt: '2026-11-24T10:00:00.000Z',
  lateEntry: true,
  author: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Ari Adviser' },
};

const render = (note: NoteResponse | RestrictedNoteResponse) =>
  renderToStaticMarkup(createElement(NoteCard, { note, titles: new Map(), canAmend: true }));

describe('NoteCard', () => {
  it('shows that a restricted note exists, and nothing of it', () => {
    const html = render({ ...heading, sensitivity: 'restricted', restricted: true });
    expect(html).toContain('Restricted note: its content is only for the author');
    expect(html).toContain('Late entry');
    expect(html).not.toContain('Amend');
  });

  it('labels opinion, marks a late entry and links an amended note to its amendment', () => {
    const html = render({
      ...heading,
      contactChannel: 'phone',
      sensitivity: 'normal',
      restricted: false,
      facts: 'Said the letter came on Friday.',
      advice: '',
      actionsAgreed: 'Client sends the letter.',
      professionalJudgement: 'Needs help with post.',
      goalIds: [],
      actionIds: [],
      amends: null,
      amendmentReason: null,
      amendedBy: [
        {
          id: '44444444-4444-4444-8444-444444444444',
          recordedAt: heading.recordedAt,
          reason: 'Added what was said',
        },
      ],
      updatedAt: heading.recordedAt,
    });
    expect(html).toContain('Professional judgement (opinion)');
    expect(html).not.toContain('Advice given');
    expect(html).toContain('Late entry');
    expect(html).toContain('Amended — see the');
    expect(html).toContain('href="#note-44444444-4444-4444-8444-444444444444"');
    expect(html).toContain('href="/notes/11111111-1111-4111-8111-111111111111/amend"');
  });
});
