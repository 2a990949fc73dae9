/**
 * A corpus of realistic advice notes (welfare benefits, debt, housing, employment) holding every
 * kind of identifier the anonymiser removes, and words that look like identifiers but must survive.
 * Used by corpus.test.ts; the people are invented, the numbers are from reserved ranges (Ofcom
 * drama numbers 07700 900xxx / 0114 496 0xxx / 020 7946 0xxx, the HMRC example NI prefix QQ).
 */
import type { KnownPerson } from './pseudonymiser.ts';

export const CORPUS_PEOPLE: KnownPerson[] = [
  {
    key: 'client:zebedee',
    role: 'client',
    names: ['Zebedee Quillfeather', 'Zeb Quillfeather'],
    dateOfBirth: '1961-02-03',
    identifiers: [
      { kind: 'phone', value: '07700 900123' },
      { kind: 'email', value: 'zebedee.quillfeather@example.com' },
      { kind: 'address', value: '14 Larkspur Crescent, Sheffield, S6 3QT' },
      { kind: 'ni-number', value: 'QQ 12 34 56 C' },
    ],
  },
  {
    key: 'client:may',
    role: 'client',
    names: ['May Okafor-Lewis'],
    dateOfBirth: '1990-07-21',
    identifiers: [{ kind: 'phone', value: '0114 496 0732' }],
  },
  { key: 'family:agatha', role: 'family', names: ['Agatha Quillfeather'] },
  { key: 'family:tobias', role: 'family', names: ['Tobias Okafor-Lewis'] },
  { key: 'third:landlord', role: 'third-party', names: ['Gordon Featherstonehaugh'] },
  { key: 'third:gp', role: 'third-party', names: ['Dr Anjali Rao'] },
  { key: 'staff:priya', role: 'staff', names: ['Priya Natarajan'] },
  { key: 'staff:owen', role: 'staff', names: ['Owen Pryce-Jones'] },
];

export interface CorpusNote {
  readonly title: string;
  readonly anchor: string;
  readonly reference: string;
  readonly text: string;
}

export const CORPUS_NOTES: CorpusNote[] = [
  {
    title: 'first contact, benefits',
    anchor: '2026-01-05',
    reference: '2026-01-05',
    text: `ZEBEDEE QUILLFEATHER (DOB 03/02/1961, NI QQ 12 34 56 C) came in with his sister Agatha Quillfeather. Zebedee's Universal Credit was stopped after a missed appointment at the Jobcentre. Mr Quillfeather's phone is 07700 900123 (also +44 7700 900123); email zebedee.quillfeather@example.com. Lives at 14 Larkspur Crescent, Sheffield S6 3QT. Hester Quillfeather (his aunt) phoned later. Advised on mandatory reconsideration; Priya Natarajan to draft the letter.`,
  },
  {
    title: 'evidence from the GP',
    anchor: '2026-01-05',
    reference: '2026-01-19',
    text: `Spoke to Dr Anjali Rao at the surgery on 0114 496 0000 about Zeb's fit note. NHS number 943 476 5919. Dr Rao will write by 26 January 2026. Zeb Quillfeather agreed we can share the letter with DWP (ref UC/2026/00471234). Next appointment Mon 2nd Feb 2026 at 10:30.`,
  },
  {
    title: 'debt: bank details and creditors',
    anchor: '2026-01-05',
    reference: '2026-02-10',
    text: `Mr Z. Quillfeather's bank: sort code 20-00-00, account number 5567 8901. Council tax account 600123456 with Sheffield City Council; county court claim K12YX345. Owes £1,234.56 to the water company and £3,000 on a catalogue. Quillfeather, Zebedee signed the Debt Relief Order forms. Agatha rang from 07700-900-456 to ask how it went.`,
  },
  {
    title: 'housing: landlord and address',
    anchor: '2026-03-02',
    reference: '2026-03-09',
    text: `May Okafor-Lewis (born 21 July 1990) received a section 21 notice from her landlord Gordon Featherstonehaugh, dated 1st March 2026, for Flat 2, 31 Wharncliffe Road, Sheffield S10 2DJ. Mr Featherstonehaugh's email is g.f@landlords.example.co.uk and his website https://featherstonehaugh-lettings.example.com/tenants?name=may. May's son Tobias is 15. Owen Pryce-Jones checked the deposit scheme; MAY agreed to a referral to Shelter.`,
  },
  {
    title: 'employment: tribunal',
    anchor: '2026-03-02',
    reference: '2026-04-20',
    text: `ACAS early conciliation certificate R123456/26/78. Employment Tribunal claim lodged on 17/04/2026, hearing listed for 2026-09-14. Ms Okafor-Lewis may need an interpreter. In May 2026 she starts a new job; her mobile is 0114-496-0732 and her brother Tobias Okafor-Lewis on 020 7946 0999. See https://www.gov.uk/employment-tribunals for the process.`,
  },
  {
    title: 'names the system does not hold',
    anchor: '2026-03-02',
    reference: '2026-04-22',
    text: `Called the council: Mrs Hobbs in the housing options team said the homelessness application is open. Client's neighbour, Kit Marlowe, has been collecting her post; her friend called Ottoline helps with forms.`,
  },
  {
    title: 'review: month names and ordinary words',
    anchor: '2026-03-02',
    reference: '2026-05-11',
    text: `Reviewed with Owen. Will chase the council: the decision may arrive by 29 May or early June. The tenant, May, is worried; she will ring on Monday. Brown envelope from HM Courts & Tribunal Service received. Personal Independence Payment PIP2 form sent; UC50 due. Housing Act 1988 section 8 grounds 8, 10 and 11 not used. Tax years 2024-2025 and 2025/26.`,
  },
];

/** Everything that must be gone from every anonymised note (checked case-insensitively, and with spaces removed for numbers). */
export const CORPUS_IDENTIFIERS: string[] = [
  'Zebedee',
  'Quillfeather',
  'Zeb',
  'Agatha',
  'Okafor',
  'Lewis',
  'Tobias',
  'Featherstonehaugh',
  'Gordon',
  'Anjali',
  'Rao',
  'Priya',
  'Natarajan',
  'Pryce',
  'Owen',
  'Hobbs',
  'Hester',
  'Kit Marlowe',
  'Marlowe',
  'Ottoline',
  '03/02/1961',
  '1961',
  '21 July 1990',
  '1990',
  'QQ 12 34 56 C',
  'QQ123456C',
  '07700 900123',
  '07700900123',
  '7700 900123',
  '07700-900-456',
  '0114 496 0000',
  '0114-496-0732',
  '01144960732',
  '020 7946 0999',
  'zebedee.quillfeather@example.com',
  'g.f@landlords.example.co.uk',
  'featherstonehaugh-lettings',
  '14 Larkspur Crescent',
  'Larkspur',
  'S6 3QT',
  'Wharncliffe',
  'S10 2DJ',
  '943 476 5919',
  '9434765919',
  '20-00-00',
  '5567 8901',
  '600123456',
  'K12YX345',
  'UC/2026/00471234',
  'R123456/26/78',
  '26 January 2026',
  '2nd Feb 2026',
  '1st March 2026',
  '17/04/2026',
  '2026-09-14',
];

/** Words that identify no one and must survive for the text to stay useful. */
export const CORPUS_SURVIVORS: string[] = [
  'Universal Credit',
  'Jobcentre',
  'mandatory reconsideration',
  'Sheffield',
  'DWP',
  'Sheffield City Council',
  '£1,234.56',
  '£3,000',
  'Debt Relief Order',
  'section 21 notice',
  'Shelter',
  'Employment Tribunal',
  'ACAS early conciliation',
  'may need an interpreter',
  'In May 2026',
  'https://www.gov.uk/employment-tribunals',
  'early June',
  'she will ring on Monday',
  'Brown envelope',
  'HM Courts & Tribunal Service',
  'Personal Independence Payment PIP2',
  'UC50',
  'Housing Act 1988 section 8 grounds 8, 10 and 11',
  'Tax years 2024-2025 and 2025/26',
  'at 10:30',
  'is 15',
  'housing options team',
  'homelessness application',
  "Client's neighbour",
];
