import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import type { CaseAccessView, NoteAccessView } from '../cases/case-access.ts';
import { documentVisibility } from './document-access.ts';

const now = new Date('2026-03-10T12:00:00Z');
const actor = (id: string, extra: Partial<Actor> = {}): Actor => ({
  id,
  orgId: 'org',
  roles: ['adviser'],
  teamIds: ['team'],
  supervisedTeamIds: [],
  ...extra,
});
const owner = actor('owner');
const author = actor('author');
const supervisor = actor('sup', { roles: ['supervisor'], supervisedTeamIds: ['team'] });
const colleague = actor('colleague');
const outsider = actor('outsider');
const theCase: CaseAccessView = {
  orgId: 'org',
  ownerId: 'owner',
  teamId: 'team',
  shares: [
    { userId: 'colleague', kind: 'share', expiresAt: null, revokedAt: null },
    { userId: 'author', kind: 'share', expiresAt: null, revokedAt: null },
  ],
};
const note = (n: Partial<NoteAccessView>): NoteAccessView => ({
  authorId: 'author',
  status: 'filed',
  sensitivity: 'normal',
  ...n,
});

describe('documentVisibility', () => {
  it('follows the case for a document of the case', () => {
    expect(documentVisibility(owner, theCase, null, now)).toBe('readable');
    expect(documentVisibility(colleague, theCase, null, now)).toBe('readable');
    expect(documentVisibility(outsider, theCase, null, now)).toBe('hidden');
  });

  it('withholds a restricted note’s document from those who may not read the note', () => {
    const restricted = note({ sensitivity: 'restricted' });
    expect(documentVisibility(colleague, theCase, restricted, now)).toBe('withheld');
    expect(documentVisibility(author, theCase, restricted, now)).toBe('readable');
    expect(documentVisibility(owner, theCase, restricted, now)).toBe('readable');
    expect(documentVisibility(supervisor, theCase, restricted, now)).toBe('readable');
    expect(documentVisibility(outsider, theCase, restricted, now)).toBe('hidden');
  });

  it('hides a draft note’s document from everyone but the draft’s author', () => {
    const draft = note({ status: 'draft' });
    expect(documentVisibility(author, theCase, draft, now)).toBe('readable');
    expect(documentVisibility(owner, theCase, draft, now)).toBe('hidden');
  });

  it('lets anyone who sees the case read a normal note’s document', () => {
    expect(documentVisibility(colleague, theCase, note({}), now)).toBe('readable');
  });
});
