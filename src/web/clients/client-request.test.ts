import { describe, expect, it } from 'vitest';
import { createClientRequestSchema } from '../../contract/clients.ts';
import { clientRequestFromForm } from './client-request.ts';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('clientRequestFromForm', () => {
  it('leaves out empty answers, "not asked yet" and unticked needs', () => {
    expect(
      clientRequestFromForm(form({ legalName: ' Jordan Example ', voicemail: 'unknown', pronouns: '' })),
    ).toEqual({
      legalName: 'Jordan Example',
    });
  });

  it('records yes/no answers, safe details and access needs, as the contract takes them', () => {
    const body = clientRequestFromForm(
      form({
        legalName: 'Jordan Example',
        dateOfBirth: '1985-03-02',
        voicemail: 'no',
        letters: 'yes',
        safeTimes: 'Weekdays 10:00–14:00',
        interpreter: 'on',
        language: 'Polish',
        accessOther: 'Step-free access',
      }),
    );
    expect(body).toEqual({
      legalName: 'Jordan Example',
      dateOfBirth: '1985-03-02',
      safeContact: { voicemail: false, letters: true, safeTimes: 'Weekdays 10:00–14:00' },
      accessNeeds: { interpreter: true, language: 'Polish', other: 'Step-free access' },
    });
    expect(createClientRequestSchema.safeParse(body).success).toBe(true);
  });
});
