import { OUTCOME_WEIGHT, type ImportOutcome } from './import-outcome.js';

/** How many records met each outcome, and in all: total is the sum of the others. */
export type OutcomeCounts<K extends ImportOutcome> = { total: number } & Record<K, number>;

/** Counts of the given outcomes, each 0. */
export function emptyCounts<K extends ImportOutcome>(kinds: readonly K[]): OutcomeCounts<K> {
  const counts = { total: 0 } as OutcomeCounts<K>;
  for (const kind of kinds) (counts as Record<K, number>)[kind] = 0;
  return counts;
}

/** Counts each record once, as it comes. */
export class OutcomeCounter<K extends ImportOutcome> {
  readonly counts: OutcomeCounts<K>;

  constructor(kinds: readonly K[]) {
    this.counts = emptyCounts(kinds);
  }

  add(outcome: K): void {
    (this.counts as Record<K, number>)[outcome]++;
    this.counts.total++;
  }
}

/**
 * Counts records met several times in a run once each, by their id: the weightiest
 * outcome stands (`OUTCOME_WEIGHT`).
 */
export class OutcomesById<K extends ImportOutcome> {
  private readonly outcomes = new Map<string, K>();

  /** True the first time this id is noted in the run. */
  note(id: string, outcome: K): boolean {
    const known = this.outcomes.get(id);
    if (known === undefined || OUTCOME_WEIGHT[outcome] > OUTCOME_WEIGHT[known]) this.outcomes.set(id, outcome);
    return known === undefined;
  }

  has(id: string): boolean {
    return this.outcomes.has(id);
  }

  counts(kinds: readonly K[]): OutcomeCounts<K> {
    const counter = new OutcomeCounter(kinds);
    for (const outcome of this.outcomes.values()) counter.add(outcome);
    return counter.counts;
  }
}

/** The lists a report keeps of records it says something about, each stopping at `limit`; the counts go on. */
export class IssueLists {
  /** Entries left out once their list was full. */
  notListed = 0;

  constructor(readonly limit = Number.POSITIVE_INFINITY) {}

  add<T>(list: T[], entry: T): void {
    if (list.length < this.limit) list.push(entry);
    else this.notListed++;
  }
}
