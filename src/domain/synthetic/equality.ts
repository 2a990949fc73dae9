/**
 * Equality monitoring answers for a synthetic client: most fill the form in, each question with
 * shares roughly those of the 2021 Census for England and Wales, tilted towards the people advice
 * services see (more disabled, more separated or divorced), with some questions left blank and some
 * "Prefer not to say". Drawn from a child stream of the client, so the rest of a seed's data does
 * not depend on them.
 */
import {
  EQUALITY_QUESTIONS,
  type EqualityQuestionKey,
  PREFER_NOT_TO_SAY,
} from '../compliance/equality-questions.ts';
import { Random } from './random.ts';

/** Weight of each answer; every question also gets `PREFER_NOT_TO_SAY` below. */
const SHARES: { readonly [K in EqualityQuestionKey]: Readonly<Record<string, number>> } = {
  ageBand: {
    'under-18': 1,
    '18-24': 10,
    '25-34': 20,
    '35-44': 20,
    '45-54': 18,
    '55-64': 15,
    '65-74': 9,
    '75-plus': 5,
  },
  sex: { female: 56, male: 42 },
  genderSameAsBirth: { yes: 94, no: 1 },
  sexualOrientation: { straight: 88, 'gay-lesbian': 2, bisexual: 2, other: 0.5 },
  ethnicity: {
    'white-british': 70,
    'white-irish': 1,
    'white-gypsy-irish-traveller': 0.5,
    'white-roma': 0.3,
    'white-other': 6,
    'asian-indian': 3,
    'asian-pakistani': 3,
    'asian-bangladeshi': 1.2,
    'asian-chinese': 0.7,
    'asian-other': 1.5,
    'black-african': 3,
    'black-caribbean': 1.2,
    'black-other': 0.5,
    'mixed-white-asian': 0.8,
    'mixed-white-black-african': 0.5,
    'mixed-white-black-caribbean': 0.6,
    'mixed-other': 0.6,
    'other-arab': 0.7,
    'other-any': 1.5,
  },
  religion: {
    none: 37,
    christian: 44,
    muslim: 7,
    hindu: 1.7,
    sikh: 0.9,
    jewish: 0.5,
    buddhist: 0.5,
    other: 0.6,
  },
  disability: { 'yes-a-lot': 18, 'yes-a-little': 17, no: 57 },
  pregnancyMaternity: { yes: 3, no: 85 },
  maritalStatus: {
    never: 45,
    married: 27,
    'civil-partnership': 0.5,
    separated: 5,
    'divorced-dissolved': 12,
    widowed: 5,
  },
};

/** Shares of the form as a whole and of each answer on it. */
const FILLED_IN = 0.7;
const PREFER_NOT = 0.05;
const LEFT_BLANK = 0.08;

export type SyntheticEqualityAnswers = { readonly [K in EqualityQuestionKey]: string | null };

/** The client's answers, or null when they did not fill the form in. */
export function planEqualityAnswers(clientId: string): SyntheticEqualityAnswers | null {
  const rng = Random.derive(clientId, 'equality-monitoring');
  if (!rng.chance(FILLED_IN)) return null;
  const answers = {} as Record<EqualityQuestionKey, string | null>;
  for (const question of EQUALITY_QUESTIONS) {
    const r = rng.float();
    answers[question.key] =
      r < LEFT_BLANK
        ? null
        : r < LEFT_BLANK + PREFER_NOT
          ? PREFER_NOT_TO_SAY
          : rng.weighted(Object.entries(SHARES[question.key]));
  }
  return answers;
}
