import {
  IssueLists,
  OutcomeCounter,
  OutcomesById,
  type OutcomeCounts,
  type RecordRefused,
  type RefusedOutcome,
  type WrittenOutcome,
} from '@cohesion/common';
import type { OrukRecordType } from './oruk-document.js';

/** What the import does with an ORUK record: it writes it, or leaves it alone (`skipped`), or cannot take it (`invalid`). */
export type ImportOutcome = WrittenOutcome | Exclude<RefusedOutcome, 'rejected'>;

const OUTCOMES: readonly ImportOutcome[] = ['created', 'updated', 'unchanged', 'skipped', 'invalid'];

export type ImportCounts = OutcomeCounts<ImportOutcome>;

/** A record the import leaves alone or cannot take, for a reason found while writing it. */
export type OrukRefused = RecordRefused<Exclude<ImportOutcome, WrittenOutcome>>;

/** A record the report says something about: why it was skipped or invalid, or what was left out of it. */
export interface ImportIssue {
  recordType: OrukRecordType | 'unknown';
  /** Its id at the source, when it has one. */
  sourceId: string | null;
  name: string | null;
  /** Its address in the feed (`services/{id}`) or its place in the file (`contents[3]`; empty for the file itself). */
  at: string;
  /** Each starts with the field it is about: `service_at_locations[0].location.latitude: 100 is not a latitude...`. */
  messages: string[];
}

export interface OrukImportReport {
  /** The feed's address or the file's name, as the imported records are marked. */
  source: string;
  services: ImportCounts;
  organisations: ImportCounts;
  taxonomies: ImportCounts;
  taxonomyTerms: ImportCounts;
  invalid: ImportIssue[];
  skipped: ImportIssue[];
  warnings: ImportIssue[];
  /** Issues left out of the three lists above once each holds MAX_LISTED. */
  issuesNotListed: number;
}

/** Each list of issues stops growing here; the counts go on. */
export const MAX_LISTED = 1000;

/**
 * Counts what an import did. Services are counted once each; organisations, taxonomies
 * and terms are counted once per run, by their id, however many services carry them
 * (a term first found unchanged and later updated counts as updated).
 */
export class ImportTally {
  private readonly serviceCounter = new OutcomeCounter(OUTCOMES);
  private readonly others = {
    organisation: new OutcomesById<ImportOutcome>(),
    taxonomy: new OutcomesById<ImportOutcome>(),
    taxonomy_term: new OutcomesById<ImportOutcome>(),
  };
  readonly invalid: ImportIssue[] = [];
  readonly skipped: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private readonly lists = new IssueLists(MAX_LISTED);

  constructor(private readonly source: string) {}

  /** The outcome of one service, with its issue when it was skipped or invalid. */
  service(outcome: ImportOutcome, issue?: ImportIssue): void {
    this.serviceCounter.add(outcome);
    if (issue && (outcome === 'skipped' || outcome === 'invalid')) this.lists.add(this[outcome], issue);
  }

  /** True the first time a record of this type and id is noted in the run. */
  note(
    type: 'organisation' | 'taxonomy' | 'taxonomy_term',
    id: string,
    outcome: ImportOutcome,
    issue?: ImportIssue,
  ): boolean {
    const first = this.others[type].note(id, outcome);
    if (issue && first && (outcome === 'skipped' || outcome === 'invalid')) this.lists.add(this[outcome], issue);
    return first;
  }

  /** Has an organisation, taxonomy or term of this id been noted already? */
  has(type: 'organisation' | 'taxonomy' | 'taxonomy_term', id: string): boolean {
    return this.others[type].has(id);
  }

  /** A record that is none of the ORUK records the import knows, or has no id to count it by: listed as invalid. */
  unknown(issue: ImportIssue): void {
    this.lists.add(this.invalid, issue);
  }

  warn(issue: ImportIssue): void {
    if (issue.messages.length) this.lists.add(this.warnings, issue);
  }

  /** More warnings about a record: added to the record's entry when it has one. */
  warnAlso(issue: ImportIssue): void {
    const known = this.warnings.find(
      (entry) => entry.recordType === issue.recordType && entry.sourceId === issue.sourceId && entry.at === issue.at,
    );
    if (known) known.messages.push(...issue.messages);
    else this.warn(issue);
  }

  report(): OrukImportReport {
    return {
      source: this.source,
      services: { ...this.serviceCounter.counts },
      organisations: this.others.organisation.counts(OUTCOMES),
      taxonomies: this.others.taxonomy.counts(OUTCOMES),
      taxonomyTerms: this.others.taxonomy_term.counts(OUTCOMES),
      invalid: this.invalid,
      skipped: this.skipped,
      warnings: this.warnings,
      issuesNotListed: this.lists.notListed,
    };
  }
}
