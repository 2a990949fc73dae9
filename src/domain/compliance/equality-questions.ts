/**
 * The equality monitoring questions: the protected characteristics of the Equality Act 2010, with
 * the answer options of the ONS 2021 Census where it has them (ethnic groups, religion, disability,
 * sexual orientation, gender identity). Every question is optional and offers "Prefer not to say".
 */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

export interface EqualityOption {
  readonly value: string;
  readonly label: string;
}

export interface EqualityQuestion {
  readonly key: EqualityQuestionKey;
  readonly label: string;
  readonly options: readonly EqualityOption[];
}

export const EQUALITY_QUESTION_KEYS = [
  'ageBand',
  'sex',
  'genderSameAsBirth',
  'sexualOrientation',
  'ethnicity',
  'religion',
  'disability',
  'pregnancyMaternity',
  'maritalStatus',
] as const;
export type EqualityQuestionKey = (typeof EQUALITY_QUESTION_KEYS)[number];

const o = (value: string, label: string): EqualityOption => ({ value, label });
const pnts = o(PREFER_NOT_TO_SAY, 'Prefer not to say');

export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
  {
    key: 'ageBand',
    label: 'Age',
    options: [
      o('under-18', 'Under 18'),
      o('18-24', '18 to 24'),
      o('25-34', '25 to 34'),
      o('35-44', '35 to 44'),
      o('45-54', '45 to 54'),
      o('55-64', '55 to 64'),
      o('65-74', '65 to 74'),
      o('75-plus', '75 or over'),
      pnts,
    ],
  },
  { key: 'sex', label: 'Sex', options: [o('female', 'Female'), o('male', 'Male'), pnts] },
  {
    key: 'genderSameAsBirth',
    label: 'Is the gender you identify with the same as your sex registered at birth?',
    options: [o('yes', 'Yes'), o('no', 'No'), pnts],
  },
  {
    key: 'sexualOrientation',
    label: 'Sexual orientation',
    options: [
      o('straight', 'Straight or heterosexual'),
      o('gay-lesbian', 'Gay or lesbian'),
      o('bisexual', 'Bisexual'),
      o('other', 'Another sexual orientation'),
      pnts,
    ],
  },
  {
    key: 'ethnicity',
    label: 'Ethnic group',
    options: [
      o('asian-bangladeshi', 'Asian, Asian British or Asian Welsh: Bangladeshi'),
      o('asian-chinese', 'Asian, Asian British or Asian Welsh: Chinese'),
      o('asian-indian', 'Asian, Asian British or Asian Welsh: Indian'),
      o('asian-pakistani', 'Asian, Asian British or Asian Welsh: Pakistani'),
      o('asian-other', 'Asian, Asian British or Asian Welsh: any other Asian background'),
      o('black-african', 'Black, Black British, Black Welsh, Caribbean or African: African'),
      o('black-caribbean', 'Black, Black British, Black Welsh, Caribbean or African: Caribbean'),
      o('black-other', 'Black, Black British, Black Welsh, Caribbean or African: any other background'),
      o('mixed-white-asian', 'Mixed or multiple ethnic groups: White and Asian'),
      o('mixed-white-black-african', 'Mixed or multiple ethnic groups: White and Black African'),
      o('mixed-white-black-caribbean', 'Mixed or multiple ethnic groups: White and Black Caribbean'),
      o('mixed-other', 'Mixed or multiple ethnic groups: any other background'),
      o('white-british', 'White: English, Welsh, Scottish, Northern Irish or British'),
      o('white-irish', 'White: Irish'),
      o('white-gypsy-irish-traveller', 'White: Gypsy or Irish Traveller'),
      o('white-roma', 'White: Roma'),
      o('white-other', 'White: any other White background'),
      o('other-arab', 'Other ethnic group: Arab'),
      o('other-any', 'Other ethnic group: any other ethnic group'),
      pnts,
    ],
  },
  {
    key: 'religion',
    label: 'Religion or belief',
    options: [
      o('none', 'No religion'),
      o('christian', 'Christian'),
      o('buddhist', 'Buddhist'),
      o('hindu', 'Hindu'),
      o('jewish', 'Jewish'),
      o('muslim', 'Muslim'),
      o('sikh', 'Sikh'),
      o('other', 'Any other religion'),
      pnts,
    ],
  },
  {
    key: 'disability',
    label:
      'Do you have a physical or mental health condition or illness lasting or expected to last 12 months or more that reduces your ability to carry out day-to-day activities?',
    options: [o('yes-a-lot', 'Yes, a lot'), o('yes-a-little', 'Yes, a little'), o('no', 'No'), pnts],
  },
  {
    key: 'pregnancyMaternity',
    label: 'Are you pregnant, or have you given birth in the last 26 weeks?',
    options: [o('yes', 'Yes'), o('no', 'No'), pnts],
  },
  {
    key: 'maritalStatus',
    label: 'Marriage or civil partnership',
    options: [
      o('never', 'Never married and never registered a civil partnership'),
      o('married', 'Married'),
      o('civil-partnership', 'In a registered civil partnership'),
      o('separated', 'Separated, but still legally married or in a civil partnership'),
      o('divorced-dissolved', 'Divorced or civil partnership dissolved'),
      o('widowed', 'Widowed or surviving civil partner'),
      pnts,
    ],
  },
];

export type EqualityAnswers = { readonly [K in EqualityQuestionKey]?: string | null };

/** The questions whose answer is not one of its options (null and absent are fine: every question is optional). */
export function invalidEqualityAnswers(answers: EqualityAnswers): EqualityQuestionKey[] {
  return EQUALITY_QUESTIONS.filter((q) => {
    const a = answers[q.key];
    return a !== undefined && a !== null && !q.options.some((opt) => opt.value === a);
  }).map((q) => q.key);
}
