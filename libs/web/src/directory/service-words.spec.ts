import { describe, expect, it } from '@jest/globals';
import { ScheduleFrequency, type Schedule } from '@cohesion/directory';
import {
  agesInWords,
  costInWords,
  jsonForScript,
  milesInWords,
  safeHighlight,
  scheduleInWords,
  timeInWords,
} from './service-words.js';

const schedule = (values: Partial<Schedule>): Schedule => ({
  freq: null,
  interval: null,
  byday: null,
  opensAt: null,
  closesAt: null,
  validFrom: null,
  validTo: null,
  description: null,
  ...values,
});

describe('a service in words', () => {
  it('reads times as GOV.UK writes them', () => {
    expect(timeInWords('10:00')).toBe('10am');
    expect(timeInWords('12:00:00')).toBe('midday');
    expect(timeInWords('00:00')).toBe('midnight');
    expect(timeInWords('19:30')).toBe('7:30pm');
  });

  it('reads weekly and monthly schedules', () => {
    expect(
      scheduleInWords(schedule({ freq: ScheduleFrequency.WEEKLY, byday: 'TU', opensAt: '10:00', closesAt: '12:00' })),
    ).toBe('Tuesdays, 10am to midday');
    expect(scheduleInWords(schedule({ freq: ScheduleFrequency.WEEKLY, byday: 'MO,WE' }))).toBe(
      'Mondays and Wednesdays',
    );
    expect(
      scheduleInWords(schedule({ freq: ScheduleFrequency.WEEKLY, interval: 2, byday: 'FR', opensAt: '18:00' })),
    ).toBe('Every other Friday, from 6pm');
    expect(scheduleInWords(schedule({ freq: ScheduleFrequency.MONTHLY, byday: '1MO' }))).toBe(
      'First Monday of the month',
    );
    expect(scheduleInWords(schedule({ freq: ScheduleFrequency.MONTHLY, byday: '-1FR' }))).toBe(
      'Last Friday of the month',
    );
    expect(scheduleInWords(schedule({ freq: ScheduleFrequency.MONTHLY, byday: '2TU,4TU' }))).toBe(
      'Second and fourth Tuesday of the month',
    );
    expect(scheduleInWords(schedule({ description: 'In school holidays' }))).toBe('In school holidays');
    expect(scheduleInWords(schedule({ byday: 'SA', validFrom: '2026-05-01', validTo: '2026-07-31' }))).toBe(
      'Saturdays (from 1 May 2026 to 31 July 2026)',
    );
  });

  it('reads costs, ages and distances', () => {
    const cost = { option: null, amountPence: 0, amountDescription: null, validFrom: null, validTo: null };
    expect(costInWords(cost)).toBe('Free');
    expect(costInWords({ ...cost, amountPence: 350, option: 'per session' })).toBe('£3.50 – per session');
    expect(costInWords({ ...cost, amountPence: 1200 })).toBe('£12');
    expect(agesInWords(13, 19)).toBe('Ages 13 to 19');
    expect(agesInWords(18, null)).toBe('Ages 18 and over');
    expect(agesInWords(null, 11)).toBe('Up to 11 years old');
    expect(agesInWords(null, null)).toBe('All ages');
    expect(milesInWords(1609)).toBe('1 mile');
    expect(milesInWords(4000)).toBe('2.5 miles');
  });

  it('lets only <mark> through a highlight, and keeps data blocks closed', () => {
    expect(safeHighlight('tea &#60;b&#62;and&#60;/b&#62; <mark>talk</mark>')).toBe(
      'tea &#60;b&#62;and&#60;/b&#62; <mark>talk</mark>',
    );
    expect(safeHighlight('<mark>open <img src=x onerror=alert(1)>')).toBe(
      '<mark>open &#60;img src=x onerror=alert(1)&#62;</mark>',
    );
    expect(safeHighlight('</mark>stray')).toBe('stray');
    expect(jsonForScript({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
    expect(JSON.parse(jsonForScript({ name: '</script> & more' }))).toEqual({ name: '</script> & more' });
  });
});
