import { describe, expect, it } from '@jest/globals';
import { asText, RecordRefused } from './import-outcome.js';
import { progressBar, progressLine } from './import-progress.js';
import { IssueLists, OutcomeCounter, OutcomesById } from './import-tally.js';

describe('the import kit', () => {
  it('writes a problem with the field it is about first, or alone for the whole record', () => {
    expect(asText({ field: 'grants[3].amountAwarded', message: 'must be more than 0' })).toBe(
      'grants[3].amountAwarded: must be more than 0',
    );
    expect(asText({ field: '', message: 'could not be saved' })).toBe('could not be saved');
  });

  it('refuses a record with its outcome, its field and a message naming the field', () => {
    const refused = new RecordRefused('skipped', { field: 'id', message: 'is ours' });
    expect(refused).toBeInstanceOf(Error);
    expect(refused.outcome).toBe('skipped');
    expect(refused.problem).toEqual({ field: 'id', message: 'is ours' });
    expect(refused.message).toBe('id: is ours');
    expect(new RecordRefused('invalid', 'could not be saved').message).toBe('could not be saved');
  });

  it('counts each outcome and the total', () => {
    const counter = new OutcomeCounter(['created', 'updated', 'unchanged', 'rejected'] as const);
    counter.add('created');
    counter.add('rejected');
    counter.add('created');
    expect(counter.counts).toEqual({ total: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('counts a record met several times once, by its weightiest outcome', () => {
    const byId = new OutcomesById<'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid'>();
    expect(byId.note('a', 'unchanged')).toBe(true);
    expect(byId.note('a', 'updated')).toBe(false);
    expect(byId.note('a', 'skipped')).toBe(false);
    byId.note('b', 'invalid');
    byId.note('b', 'created');
    expect(byId.has('a')).toBe(true);
    expect(byId.has('c')).toBe(false);
    expect(byId.counts(['created', 'updated', 'unchanged', 'skipped', 'invalid'])).toEqual({
      total: 2,
      created: 0,
      updated: 1,
      unchanged: 0,
      skipped: 0,
      invalid: 1,
    });
  });

  it('stops a list at its limit and counts what it left out, over all its lists', () => {
    const lists = new IssueLists(2);
    const one: number[] = [];
    const other: number[] = [];
    for (const n of [1, 2, 3]) lists.add(one, n);
    for (const n of [4, 5, 6]) lists.add(other, n);
    expect(one).toEqual([1, 2]);
    expect(other).toEqual([4, 5]);
    expect(lists.notListed).toBe(2);
  });

  it('shows progress as a line and a bar', () => {
    expect(progressLine(40, 200, 'grants')).toBe('Imported 40/200 grants (20%)');
    expect(progressLine(2, 3, 'records')).toBe('Imported 2/3 records (66%)');
    expect(progressBar(1, 2, 10)).toBe('[#####.....] ');
  });
});
