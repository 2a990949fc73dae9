import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from './identifiers.ts';
import { createPseudonymiser } from './pseudonymiser.ts';

const dates = { anchor: '2026-01-05', reference: '2026-03-01' };
const redact = (text: string) => createPseudonymiser({ people: [], seed: 'x' }).text(text, dates);

describe('identifier patterns', () => {
  it.each([
    ['zebedee.q@example.com', '[email removed]'],
    ['Z.Quill+advice@mail.example.co.uk.', '[email removed].'],
  ])('e-mail %s', (input, output) => expect(redact(input)).toBe(output));

  it.each([
    ['https://www.facebook.com/zebedee.q', '[link removed]'],
    ['see www.example.com/profile?id=123.', 'see [link removed].'],
    ['https://www.gov.uk/pip/how-to-claim', 'https://www.gov.uk/pip/how-to-claim'],
    ['https://www.gov.uk/track?claim=ABC12345', '[link removed]'],
  ])('link %s', (input, output) => expect(redact(input)).toBe(output));

  it.each([
    ['07700 900123'],
    ['07700900123'],
    ['07700-900-123'],
    ['+44 7700 900123'],
    ['+447700900123'],
    ['0044 7700 900123'],
    ['+44 (0)20 7946 0000'],
    ['020 7946 0000'],
    ['(0114) 496 0000'],
    ['0114-496-0000'],
    ['01632 960001'],
    ['+33 1 23 45 67 89'],
  ])('phone %s', (input) => expect(redact(`ring ${input} today`)).toBe('ring [phone removed] today'));

  it.each([['QQ 12 34 56 C'], ['QQ123456C'], ['qq 12 34 56 c'], ['AB-12-34-56-D'], ['JG 10 37 92']])(
    'National Insurance number %s',
    (input) => expect(redact(`NI ${input}.`)).toBe('NI [NI number removed].'),
  );

  it('NHS numbers with a valid check digit, and other ten-digit numbers', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(redact('NHS no 943 476 5919')).toBe('NHS no [NHS number removed]');
    expect(redact('NHS no 943-476-5919')).toBe('NHS no [NHS number removed]');
    expect(redact('NHS no 9434765918')).toBe('NHS no [number removed]');
  });

  it('bank details', () => {
    expect(redact('sort code 12-34-56')).toBe('sort code [sort code removed]');
    expect(redact('sort code: 12 34 56')).toBe('sort code: [sort code removed]');
    expect(redact('account number 1234 5678')).toBe('account number [account number removed]');
    expect(redact('a/c 12345678')).toBe('a/c [account number removed]');
    expect(redact('paid into 87654321')).toBe('paid into [number removed]');
  });

  it.each([
    ['S1 2AB'],
    ['s1 2ab'],
    ['SW1A 1AA'],
    ['M11AE'],
    ['EC1A 1BB'],
    ['B33 8TH'],
    ['CR2 6XH'],
    ['DN55 1PT'],
    ['GIR 0AA'],
  ])('postcode %s', (input) => expect(redact(`at ${input}, near`)).toBe('at [postcode removed], near'));

  it.each([
    ['12 Acacia Avenue'],
    ['Flat 3, 27B Lower Mill Road'],
    ['221b Baker Street'],
    ['4 St John’s Close'],
    ['1 Church Lane'],
  ])('street address %s, keeping the town', (input) =>
    expect(redact(`lives at ${input}, Sheffield.`)).toBe('lives at [address removed], Sheffield.'),
  );

  it.each([['SC242/26/01234'], ['CL-2026-000123'], ['H01LE123'], ['K12YX345'], ['2402-3-5678']])(
    'reference of another system %s',
    (input) => expect(redact(`ref ${input} noted`)).toMatch(/^ref \[(reference|number) removed\] noted$/),
  );

  it('dates become days relative to the case start; months and years alone stay', () => {
    expect(redact('hearing on 14 March 2026')).toBe('hearing on [day 68]');
    expect(redact('hearing on 14/03/2026 and 2026-03-15')).toBe('hearing on [day 68] and [day 69]');
    expect(redact('due 14th of March')).toBe('due [day 68]');
    expect(redact('due March 14th, 2026')).toBe('due [day 68]');
    expect(redact('letter of 2 Jan 2026')).toBe('letter of [day -3]');
    expect(redact('in May 2026 and since 2019, every March')).toBe('in May 2026 and since 2019, every March');
    expect(redact('they may 3 times')).toBe('they may 3 times');
    expect(redact('31/02/2026')).not.toContain('31/02');
  });

  it('a date after "born" or "DOB" becomes an age band', () => {
    expect(redact('DOB: 03/02/1961')).toBe('DOB: [date of birth removed; aged 60–69]');
    expect(redact('born on 3rd February 1961')).toBe('born on [date of birth removed; aged 60–69]');
    expect(redact('D.O.B. 3.2.61')).toBe('D.O.B. [date of birth removed; aged 60–69]');
  });

  it('keeps what identifies no one', () => {
    const text =
      'Universal Credit (UC50), ESA50 and PIP2 forms; Employment Tribunal; section 8 of the Housing Act 1988; owes £1,234.56 and £12,000; 3 children; 14:30; 2 hours; COVID-19; tax years 2019-2020 and 1998/99; 100-200 letters.';
    expect(redact(text)).toBe(text);
  });
});
