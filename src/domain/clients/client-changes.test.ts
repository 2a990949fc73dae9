import { describe, expect, it } from 'vitest';
import { applyClientPatch, type ClientDetails, clientDetailsProblems } from './client-changes.ts';

const details = (over: Partial<ClientDetails> = {}): ClientDetails => ({
  legalName: 'Jane Smith',
  preferredName: null,
  pronouns: 'she/her',
  dateOfBirth: '1980-05-17',
  email: null,
  phone: '07700 900123',
  address: null,
  safeContact: { voicemail: true, safeTimes: 'Weekday mornings' },
  accessNeeds: {},
  ...over,
});

describe('applying a change to a client', () => {
  it('lists each changed field with its old and new value, and skips unchanged ones', () => {
    const { after, changes } = applyClientPatch(details(), {
      legalName: 'Jane Smith',
      preferredName: 'Jay',
      phone: null,
    });
    expect(after).toMatchObject({ legalName: 'Jane Smith', preferredName: 'Jay', phone: null });
    expect(changes).toEqual([
      { field: 'preferredName', oldValue: null, newValue: 'Jay' },
      { field: 'phone', oldValue: '07700 900123', newValue: null },
    ]);
  });

  it('merges safe contact and access needs member by member; null clears a member', () => {
    const { after, changes } = applyClientPatch(details(), {
      safeContact: { voicemail: false, safeTimes: null, letters: false },
      accessNeeds: { bsl: true },
    });
    expect(after.safeContact).toEqual({ voicemail: false, letters: false });
    expect(after.accessNeeds).toEqual({ bsl: true });
    expect(changes).toEqual([
      { field: 'safeContact.voicemail', oldValue: true, newValue: false },
      { field: 'safeContact.safeTimes', oldValue: 'Weekday mornings', newValue: null },
      { field: 'safeContact.letters', oldValue: null, newValue: false },
      { field: 'accessNeeds.bsl', oldValue: null, newValue: true },
    ]);
  });

  it('changes nothing when every value is the same', () => {
    const before = details();
    const { after, changes } = applyClientPatch(before, {
      pronouns: 'she/her',
      safeContact: { voicemail: true },
      accessNeeds: { other: null },
    });
    expect(changes).toEqual([]);
    expect(after).toEqual(before);
  });
});

describe('client details problems', () => {
  it('refuses a date of birth in the future or before 1900', () => {
    expect(clientDetailsProblems(details({ dateOfBirth: '2026-11-25' }), '2026-11-24')).toEqual([
      { field: 'dateOfBirth', message: expect.stringContaining('future') },
    ]);
    expect(clientDetailsProblems(details({ dateOfBirth: '1899-12-31' }), '2026-11-24')[0]?.field).toBe(
      'dateOfBirth',
    );
    expect(clientDetailsProblems(details({ dateOfBirth: '2026-11-24' }), '2026-11-24')).toEqual([]);
  });

  it('asks for a legal name', () => {
    expect(clientDetailsProblems(details({ legalName: ' ' }), '2026-11-24')).toEqual([
      { field: 'legalName', message: expect.any(String) },
    ]);
  });

  it('asks for the language when an interpreter is needed', () => {
    const need = (language?: string) =>
      clientDetailsProblems(details({ accessNeeds: { interpreter: true, language } }), '2026-11-24');
    expect(need()).toEqual([{ field: 'accessNeeds.language', message: expect.any(String) }]);
    expect(need('  ')).toHaveLength(1);
    expect(need('Tigrinya')).toEqual([]);
  });
});
