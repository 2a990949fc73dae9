import { describe, expect, it } from 'vitest';
import { bandName } from '../priority/levels.ts';
import { attentionWhen, fromNow } from './forecast-wording.ts';
import { hoursText, minutesToHours, percent, plural } from './wording.ts';

describe('wording', () => {
  it('says counts with singular and plural nouns', () => {
    expect(plural(1, 'case')).toBe('1 case');
    expect(plural(0, 'case')).toBe('0 cases');
    expect(plural(-1, 'working day')).toBe('-1 working day');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });

  it('says shares as whole percentages and minutes as hours', () => {
    expect(percent(0.756)).toBe('76%');
    expect(percent(0)).toBe('0%');
    expect(minutesToHours(20)).toBe(0.33);
    expect(hoursText(60)).toBe('1 hour');
    expect(hoursText(90)).toBe('1.5 hours');
    expect(hoursText(0)).toBe('0 hours');
  });

  it('says band names with a capital', () => {
    expect(bandName('amber')).toBe('Amber');
  });

  it('says forecast days relative to today', () => {
    expect(fromNow(0)).toBe('today');
    expect(fromNow(1)).toBe('in 1 working day');
    expect(attentionWhen(2, 7)).toBe('week 2 (within 7 working days)');
    expect(attentionWhen(1, 0)).toBe('week 1 (today)');
    expect(attentionWhen('not reached', null)).toBe('not reached');
  });
});
