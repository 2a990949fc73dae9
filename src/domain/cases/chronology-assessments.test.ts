import { describe, expect, it } from 'vitest';
import { assessmentEntries, type CaseAssessmentRecord } from './chronology-assessments.ts';

const BASE: CaseAssessmentRecord = {
  id: 'a1',
  band: 'red',
  computedBand: 'red',
  trigger: 'flag',
  policyVersion: 0,
  reasons: ['Red: safeguarding concern raised 20 Nov'],
  rationale: null,
  override: null,
  assessedByName: undefined,
  assessedAt: new Date('2026-11-20T10:00:00Z'),
};

describe('assessmentEntries', () => {
  it('shows an automatic re-assessment with what caused it, by Caseload', () => {
    expect(assessmentEntries([BASE])).toEqual([
      {
        kind: 'assessment',
        at: BASE.assessedAt,
        id: 'assessment:a1',
        title: 'Re-assessed red after a flag was raised or resolved',
        detail: 'Red: safeguarding concern raised 20 Nov\nPolicy version 0 (the default).',
        by: 'Caseload',
      },
    ]);
  });

  it('shows a practitioner’s assessment with its rationale and the override', () => {
    const [entry] = assessmentEntries([
      {
        ...BASE,
        trigger: 'practitioner',
        band: 'amber',
        computedBand: 'red',
        policyVersion: 3,
        override: { band: 'amber', rationale: 'Client safe at refuge' },
        reasons: [
          'Amber, overridden from red: Client safe at refuge',
          'Red: safeguarding concern raised 20 Nov',
        ],
        rationale: 'Spoke to the refuge worker.',
        assessedByName: 'Sam Adviser',
      },
    ]);
    expect(entry?.title).toBe('Assessed amber (overridden from red)');
    expect(entry?.by).toBe('Sam Adviser');
    expect(entry?.detail).toBe(
      'Amber, overridden from red: Client safe at refuge\nRed: safeguarding concern raised 20 Nov\n' +
        'Rationale: Spoke to the refuge worker.\nPolicy version 3.',
    );
  });
});
