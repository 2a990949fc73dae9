import { describe, expect, it } from 'vitest';
import { clarityHints, EMPHASIS_WORDS, type Hint, PLAIN_ABBREVIATIONS } from './clarity-hints.ts';

const none = { glossary: [] as string[] };
const inFacts = (facts: string, glossary: string[] = []) =>
  clarityHints({ type: 'advice', facts }, { glossary });
const codes = (hints: readonly Hint[]) => hints.map((h) => h.code);
const excerpts = (hints: readonly Hint[], code: Hint['code']) =>
  hints.filter((h) => h.code === code).map((h) => h.excerpt);

describe('labels stated without facts', () => {
  it.each([
    ['Client was aggressive.', 'aggressive'],
    ['She spoke aggressively to reception.', 'aggressively'],
    ['There was some aggression.', 'aggression'],
    ['Client is non-compliant with the claimant commitment.', 'non-compliant'],
    ['Noncompliant again.', 'Noncompliant'],
    ['Non compliance noted by DWP.', 'Non compliance'],
    ['He is manipulative.', 'manipulative'],
    ['Client was difficult.', 'difficult'],
    ['A difficult client.', 'difficult'],
    ['Being very difficult today.', 'difficult'],
    ['Client refused to engage.', 'refused to engage'],
    ['Client refuses to engage with the landlord.', 'refuses to engage'],
    ['He failed to engage.', 'failed to engage'],
    ['She did not engage.', 'did not engage'],
    ['He didn’t engage.', 'didn’t engage'],
    ['Non-engagement since June.', 'Non-engagement'],
    ['Not engaging with services.', 'Not engaging'],
    ['Attention-seeking behaviour.', 'Attention-seeking'],
    ['Attention seeking again.', 'Attention seeking'],
    ['Hostile on the phone.', 'Hostile'],
    ['Uncooperative with the council.', 'Uncooperative'],
    ['Non-cooperative.', 'Non-cooperative'],
    ['Un-co-operative at interview.', 'Un-co-operative'],
    ['Chaotic lifestyle.', 'Chaotic'],
    ['Client is LAZY.', 'LAZY'],
    ['Seemed unmotivated.', 'unmotivated'],
    ['Was rude to staff.', 'rude'],
    ['Argumentative throughout.', 'Argumentative'],
    ['Became confrontational.', 'confrontational'],
    ['Hysterical on arrival.', 'Hysterical'],
    ['Irrational demands.', 'Irrational'],
    ['Volatile mood.', 'Volatile'],
    ['A time-waster.', 'time-waster'],
    ['Client kicked off.', 'kicked off'],
    ['Challenging behaviour in reception.', 'Challenging behaviour'],
  ])('hints at %j (excerpt %j)', (facts, excerpt) => {
    const hints = inFacts(facts);
    expect(excerpts(hints, 'LABEL_WITHOUT_FACTS')).toEqual([excerpt]);
    const hint = hints.find((h) => h.code === 'LABEL_WITHOUT_FACTS');
    expect(hint?.section).toBe('facts');
    expect(hint?.why).toContain(excerpt);
    expect(hint?.suggestion.length).toBeGreaterThan(20);
  });

  it('tells the writer to describe what was said and done, with quotes, for "aggressive"', () => {
    const [hint] = inFacts('Client was aggressive.');
    expect(hint?.why).toMatch(/label, not a fact/);
    expect(hint?.suggestion).toMatch(/Describe what was said and done, with quotes/);
  });

  it.each([
    'Client has difficulties reading letters.',
    'Client finds it difficult to read letters.',
    'It is very difficult to get through to the council.',
    'It’s difficult for her to travel.',
    'A difficult time since the bereavement.',
    'Going through a difficult situation at home.',
    'Found it difficult.',
    'The hostile environment policy applies.',
    'Client engaged well and brought every document.',
    'Client said she is engaging a solicitor.',
    'Crude estimate of arrears.',
    'Compliant with the payment plan.',
    'The cooperative bank wrote.',
    'The aggressor was the landlord’s agent.',
  ])('leaves the neutral %j alone', (facts) => {
    expect(excerpts(inFacts(facts), 'LABEL_WITHOUT_FACTS')).toEqual([]);
  });

  it('accepts a label in a sentence that quotes what was said (the facts are there)', () => {
    expect(codes(inFacts('Client was aggressive: he shouted "get out of my house" twice.'))).toEqual([]);
    expect(codes(inFacts('He was hostile and said “I’ll have you sacked”.'))).toEqual([]);
    // …but the quote must be in the same sentence as the label.
    const hints = inFacts('Client said "I am fine". Later he was aggressive.');
    expect(excerpts(hints, 'LABEL_WITHOUT_FACTS')).toEqual(['aggressive']);
  });

  it('checks every section, professional judgement included', () => {
    const hints = clarityHints(
      {
        type: 'review',
        facts: 'Client was hostile.',
        advice: 'Told the uncooperative landlord to repair.',
        actionsAgreed: 'Chase the chaotic council.',
        judgement: 'Client is manipulative.',
      },
      none,
    );
    expect(hints.map((h) => [h.section, h.excerpt])).toEqual([
      ['facts', 'hostile'],
      ['advice', 'uncooperative'],
      ['actionsAgreed', 'chaotic'],
      ['judgement', 'manipulative'],
    ]);
  });

  it('reports each occurrence in the order written', () => {
    const hints = inFacts('Rude at first. Then hostile. Then rude again.');
    expect(excerpts(hints, 'LABEL_WITHOUT_FACTS')).toEqual(['Rude', 'hostile', 'rude']);
  });
});

describe('abbreviations', () => {
  it('hints at capitals of 2–6 letters that are not in the glossary', () => {
    const hints = inFacts('Client gets UC and PIP; MR requested.');
    expect(excerpts(hints, 'UNEXPLAINED_ABBREVIATION')).toEqual(['UC', 'PIP', 'MR']);
    const [first] = hints;
    expect(first?.why).toContain('"UC" is not in your organisation’s glossary');
    expect(first?.suggestion).toMatch(/Write it out in full/);
    expect(first?.suggestion).toContain('add UC to the glossary');
  });

  it('suppresses glossary terms, whatever case the glossary holds them in', () => {
    expect(excerpts(inFacts('Client gets UC and PIP.', ['UC', 'pip']), 'UNEXPLAINED_ABBREVIATION')).toEqual(
      [],
    );
  });

  it('leaves plain abbreviations and words in capitals for emphasis alone', () => {
    const text = `${PLAIN_ABBREVIATIONS.join(' ')} ${EMPHASIS_WORDS.join(' ')}`;
    expect(excerpts(inFacts(text), 'UNEXPLAINED_ABBREVIATION')).toEqual([]);
    expect(excerpts(inFacts('Do NOT call before 6 PM; the GP knows.'), 'UNEXPLAINED_ABBREVIATION')).toEqual(
      [],
    );
  });

  it('reads plurals and possessives as the abbreviation', () => {
    const hints = inFacts('Two MRs lodged; the DWP’s reply came. Another MR.');
    expect(excerpts(hints, 'UNEXPLAINED_ABBREVIATION')).toEqual(['MRs', 'DWP']);
    expect(hints[0]?.why).toContain('"MR" is not in your organisation’s glossary');
    expect(excerpts(inFacts('Two MRs lodged.', ['MR']), 'UNEXPLAINED_ABBREVIATION')).toEqual([]);
  });

  it('ignores single capitals, mixed case, longer words and form numbers', () => {
    const text = 'I met Mr Khan. A PIP2 and an ESA50 were sent. CONSTITUTION day. Uc is not it.';
    expect(excerpts(inFacts(text), 'UNEXPLAINED_ABBREVIATION')).toEqual([]);
  });

  it('accepts an abbreviation spelled out anywhere in the note', () => {
    const hints = clarityHints(
      {
        type: 'advice',
        facts: 'Client gets UC and ESA.',
        advice: 'Universal Credit (UC) claim to continue.',
      },
      none,
    );
    expect(excerpts(hints, 'UNEXPLAINED_ABBREVIATION')).toEqual(['ESA']);
    // A bracketed abbreviation counts as spelled out after words, not on its own.
    expect(excerpts(inFacts('Sent form (MR).'), 'UNEXPLAINED_ABBREVIATION')).toEqual([]);
    expect(excerpts(inFacts('(MR) sent.'), 'UNEXPLAINED_ABBREVIATION')).toEqual(['MR']);
  });

  it('hints once per abbreviation per section', () => {
    const hints = clarityHints({ type: 'advice', facts: 'UC, UC and UC.', advice: 'Claim UC.' }, none);
    expect(hints.map((h) => [h.section, h.excerpt])).toEqual([
      ['facts', 'UC'],
      ['advice', 'UC'],
    ]);
  });
});

describe('no agreed next step', () => {
  it('hints on a contact note without actions agreed', () => {
    const hints = clarityHints({ type: 'contact', facts: 'Client phoned about the letter.' }, none);
    expect(hints).toEqual([
      expect.objectContaining({ code: 'NO_AGREED_NEXT_STEP', section: 'actionsAgreed' }),
    ]);
    expect(hints[0]?.excerpt).toBe('');
    expect(hints[0]?.suggestion).toMatch(/who will do it and by when/);
  });

  it('counts blank actions as none', () => {
    expect(codes(clarityHints({ type: 'contact', facts: 'Call.', actionsAgreed: '  \n' }, none))).toEqual([
      'NO_AGREED_NEXT_STEP',
    ]);
  });

  it('is satisfied by any agreed action, and does not apply to other types', () => {
    expect(
      codes(clarityHints({ type: 'contact', facts: 'Call.', actionsAgreed: 'Client to send.' }, none)),
    ).toEqual([]);
    for (const type of ['advice', 'action', 'referral', 'review', 'safeguarding', 'file-note']) {
      expect(codes(clarityHints({ type, facts: 'Call.' }, none))).toEqual([]);
    }
  });
});

describe('opinion in the facts section', () => {
  it.each([
    ['I think he is scared of the landlord.', 'I think'],
    ['I feel she understood.', 'I feel'],
    ['I believe the letter was lost.', 'I believe'],
    ['He seems confused.', 'seems'],
    ['She seemed upset.', 'seemed'],
    ['Client appears anxious.', 'appears'],
    ['Client appeared to understand.', 'appeared'],
    ['The debt is probably statute barred.', 'probably'],
    ['In my opinion the decision is wrong.', 'In my opinion'],
    ['In my view the sanction is unlawful.', 'In my view'],
    ['Apparently the council lost it.', 'Apparently'],
  ])('hints at %j (excerpt %j)', (facts, excerpt) => {
    const hints = inFacts(facts);
    expect(hints).toEqual([expect.objectContaining({ code: 'OPINION_IN_FACTS', section: 'facts', excerpt })]);
    expect(hints[0]?.suggestion).toMatch(/professional judgement/);
  });

  it.each([
    'Client appeared at the tribunal on 3 May.',
    'Client appeared in court.',
    'Client appeared before the panel.',
    'Client said "I think they want me out" and showed the notice.',
    'Client said “I feel unsafe at home”.',
    'Client thinks the letter was lost.',
    'Seemingly nothing here: seamless, appearance, thinking aloud.',
  ])('leaves %j alone', (facts) => {
    expect(excerpts(inFacts(facts), 'OPINION_IN_FACTS')).toEqual([]);
  });

  it('is only about the facts section: opinion belongs in professional judgement', () => {
    const note = {
      type: 'advice',
      advice: 'I think you should ask for a mandatory reconsideration.',
      judgement: 'I think the client seems overwhelmed and probably needs a referral.',
    };
    expect(clarityHints(note, none)).toEqual([]);
  });
});

describe('clarityHints', () => {
  it('says nothing about a clear note', () => {
    const note = {
      type: 'contact',
      facts: 'Client phoned at 10:05. She said "the bailiffs came on Monday" and read out the letter.',
      advice: 'Explained the Personal Independence Payment (PIP) appeal steps.',
      actionsAgreed: 'Client to send the letter by Friday; I will call her on Monday.',
      judgement: 'I think she is at risk of eviction: two missed payments and a notice.',
    };
    expect(clarityHints(note, { glossary: [] })).toEqual([]);
  });

  it('orders hints by section and position, and ends with the missing next step', () => {
    const hints = clarityHints(
      {
        type: 'contact',
        facts: 'I think he was aggressive about the UC.',
        advice: 'Said to call DWP.',
      },
      none,
    );
    expect(hints.map((h) => `${h.section}:${h.code}:${h.excerpt}`)).toEqual([
      'facts:OPINION_IN_FACTS:I think',
      'facts:LABEL_WITHOUT_FACTS:aggressive',
      'facts:UNEXPLAINED_ABBREVIATION:UC',
      'advice:UNEXPLAINED_ABBREVIATION:DWP',
      'actionsAgreed:NO_AGREED_NEXT_STEP:',
    ]);
  });

  it('handles empty and missing sections', () => {
    expect(clarityHints({ type: 'file-note' }, none)).toEqual([]);
    expect(clarityHints({ type: 'file-note', facts: '', advice: '   ' }, none)).toEqual([]);
  });

  it('is pure: the same input gives the same hints', () => {
    const note = { type: 'contact', facts: 'Hostile. UC.' };
    expect(clarityHints(note, none)).toEqual(clarityHints(note, none));
  });
});
