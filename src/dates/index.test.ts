import { describe, expect, it } from 'vitest';
import { analyse } from '../text/index.js';
import { findDates, parseIsoDate } from './index.js';

describe('findDates', () => {
  it.each([
    ['On Thursday, the US attacked a base.', '2020-03-12', 'day'],
    ['Iran said on Friday that the US was to blame.', '2020-03-13', 'day'],
    ['The strikes killed two commanders in January.', '2020-01-01', 'month'],
    ['Protesters marched on Monday.', '2020-03-09', 'day'],
    ['The talks failed in December.', '2019-12-01', 'month'],
    ['The group was founded in 2003.', '2003-01-01', 'year'],
    ['Officials met on 12 March.', '2020-03-12', 'day'],
  ])('%s', (text, value, precision) => {
    const [d] = findDates(analyse(text), '2020-03-14');
    expect(d.value).toMatchObject({ value, precision });
  });

  it('rejects a date that is not a date', () => {
    expect(() => parseIsoDate('2020-13-01')).toThrow('invalid date: "2020-13-01"');
    expect(() => parseIsoDate('yesterday')).toThrow(/invalid date/);
  });
});
