import { describe, expect, it } from 'vitest';
import {
  anonymiseCase,
  type CaseForAnonymising,
  type NoteForAnonymising,
  thirdPartyKey,
} from './anonymise-case.ts';
import { createPseudonymiser } from './pseudonymiser.ts';

const p = createPseudonymiser({
  seed: 'case',
  people: [
    { key: 'client:1', role: 'client', names: ['Ada Quell'], dateOfBirth: '1980-05-01' },
    { key: 'user:1', role: 'staff', names: ['Sam Stone'] },
    { key: thirdPartyKey('  Dr  Ravi MENON '), role: 'third-party', names: ['Dr Ravi Menon'] },
  ],
});

const note = (over: Partial<NoteForAnonymising>): NoteForAnonymising => ({
  occurredOn: '2026-01-10',
  type: 'contact',
  contactChannel: 'phone',
  authorKey: 'user:1',
  sensitivity: 'normal',
  isAmendment: false,
  amendmentReason: null,
  facts: '',
  advice: '',
  actionsAgreed: '',
  judgement: '',
  ...over,
});

const base: CaseForAnonymising = {
  caseType: 'Welfare benefits',
  openedOn: '2026-01-05',
  closedOn: '2026-03-06',
  status: 'closed',
  presentingIssue: 'Ada Quell had PIP refused on 2 January 2026.',
  desiredOutcome: null,
  vulnerabilityIndicators: ['Ada’s mental health'],
  outcome: 'Resolved',
  outcomeDetails: 'Award for Ada.',
  closureReason: null,
  clientKey: 'client:1',
  clientPronouns: 'she/her',
  clientDateOfBirth: '1980-05-01',
  ownerKey: 'user:1',
  notes: [
    note({ occurredOn: '2026-02-01', facts: 'Later: Ada rang Sam Stone.' }),
    note({
      occurredOn: '2026-01-10',
      facts: 'Ada Quell rang.',
      advice: 'Sam advised.',
      judgement: 'Ada copes.',
    }),
    note({ occurredOn: '2026-01-20', facts: 'Ada disclosed abuse.', sensitivity: 'restricted' }),
    note({
      occurredOn: '2026-01-11',
      isAmendment: true,
      amendmentReason: 'Ada’s name was misspelt.',
      facts: 'x',
    }),
  ],
  actions: [
    {
      description: 'Letter from Dr Menon',
      ownerKind: 'third_party',
      ownerKey: thirdPartyKey('Dr Ravi Menon'),
      dueOn: '2026-01-15',
      status: 'done',
      completedOn: '2026-01-14',
      result: 'Received from Ravi Menon.',
    },
    {
      description: 'Ada sends payslips',
      ownerKind: 'client',
      ownerKey: 'client:1',
      dueOn: null,
      status: 'open',
      completedOn: null,
      result: null,
    },
  ],
  goals: [
    {
      description: 'PIP for Ada',
      measure: null,
      targetOn: '2026-04-05',
      status: 'achieved',
      resultNote: 'Awarded',
      resultOn: '2026-03-01',
      progress: [
        { on: '2026-02-10', text: 'Second' },
        { on: '2026-01-12', text: 'MR lodged for Ada' },
      ],
    },
  ],
  keyDates: [
    { kind: 'hearing', dueOn: '2026-03-02', description: 'Hearing', source: null, status: 'met' },
    {
      kind: 'appeal_deadline',
      dueOn: '2026-02-04',
      description: 'MR deadline for Ada',
      source: 'DWP letter',
      status: 'met',
    },
  ],
};

describe('anonymiseCase', () => {
  const out = anonymiseCase(base, 'Case 3', p);

  it('labels the case and its people, and gives the client an age band at opening', () => {
    expect(out.label).toBe('Case 3');
    expect(out.client).toEqual({ pseudonym: 'Client A', ageBandAtOpening: '40–49', pronouns: 'she/her' });
    expect(out.adviser).toBe('Staff member 1');
    expect(out.presentingIssue).toBe('Client A had PIP refused on [day -3].');
    expect(out.vulnerabilityIndicators).toEqual(['Client A’s mental health']);
    expect(out.outcomeDetails).toBe('Award for Client A.');
    expect(out.closedDay).toBe(60);
  });

  it('keeps normal notes in time order, with days and pseudonyms, and only counts restricted ones', () => {
    expect(out.notes.map((n) => [n.day, n.facts])).toEqual([
      [5, 'Client A rang.'],
      [6, 'x'],
      [27, 'Later: Client A rang Staff member 1.'],
    ]);
    expect(out.notes[0]).toMatchObject({
      author: 'Staff member 1',
      advice: 'Staff member 1 advised.',
      judgement: 'Client A copes.',
    });
    expect(out.notes[1]).toMatchObject({
      isAmendment: true,
      amendmentReason: 'Client A’s name was misspelt.',
    });
    expect(out.restrictedNotesLeftOut).toBe(1);
    expect(JSON.stringify(out)).not.toContain('abuse');
  });

  it('turns the dates of actions, goals and key dates into days', () => {
    expect(out.actions).toEqual([
      {
        description: 'Letter from Third party 1',
        ownerKind: 'third_party',
        owner: 'Third party 1',
        dueDay: 10,
        status: 'done',
        completedDay: 9,
        result: 'Received from Third party 1.',
      },
      {
        description: 'Client A sends payslips',
        ownerKind: 'client',
        owner: 'Client A',
        dueDay: null,
        status: 'open',
        completedDay: null,
        result: null,
      },
    ]);
    expect(out.goals[0]).toEqual({
      description: 'PIP for Client A',
      measure: null,
      targetDay: 90,
      status: 'achieved',
      result: 'Awarded',
      resultDay: 55,
      progress: [
        { day: 7, text: 'MR lodged for Client A' },
        { day: 36, text: 'Second' },
      ],
    });
    expect(out.keyDates.map((k) => [k.dueDay, k.kind, k.description])).toEqual([
      [30, 'appeal_deadline', 'MR deadline for Client A'],
      [56, 'hearing', 'Hearing'],
    ]);
  });

  it('has no age band without a date of birth, and normalises third-party keys', () => {
    expect(
      anonymiseCase({ ...base, clientDateOfBirth: null }, 'Case 1', p).client.ageBandAtOpening,
    ).toBeNull();
    expect(thirdPartyKey('  Dr  Ravi MENON ')).toBe('third:dr ravi menon');
  });
});
