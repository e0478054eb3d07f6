import type { FieldProblem } from '../errors/domain-error.js';

/** What an import did with a record it wrote, or found already as the source has it. */
export type WrittenOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What an import did with a record it did not write: left alone on purpose (`skipped`),
 * unusable (`invalid`), or refused with its reasons (`rejected`).
 */
export type RefusedOutcome = 'skipped' | 'invalid' | 'rejected';

export type ImportOutcome = WrittenOutcome | RefusedOutcome;

/**
 * How much an outcome says about a record met several times in one run: the weightiest
 * stands (a record first found unchanged and later updated counts as updated).
 */
export const OUTCOME_WEIGHT: Readonly<Record<ImportOutcome, number>> = {
  unchanged: 0,
  skipped: 1,
  created: 2,
  updated: 2,
  invalid: 3,
  rejected: 3,
};

/** A problem as a report line: the field it is about first (`grants[3].amountAwarded: must be more than 0`). */
export function asText(problem: FieldProblem): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

/**
 * A record an import refuses for a reason found while writing it, inside its
 * transaction (which then rolls back). Its message names the field it is about.
 */
export class RecordRefused<K extends RefusedOutcome = RefusedOutcome> extends Error {
  /** The field the refusal is about (empty for the record as a whole), and why. */
  readonly problem: FieldProblem;

  constructor(
    readonly outcome: K,
    problem: FieldProblem | string,
  ) {
    const given = typeof problem === 'string' ? { field: '', message: problem } : problem;
    super(asText(given));
    this.problem = given;
    this.name = 'RecordRefused';
  }
}
