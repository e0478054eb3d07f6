import type { FieldProblem } from '@cohesion/common';
import type { OrukRecordType } from './oruk-document.js';

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid';

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
}

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

export function asText(problem: FieldProblem): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

const RANK: Record<ImportOutcome, number> = { unchanged: 0, skipped: 1, created: 2, updated: 2, invalid: 3 };

/**
 * Counts what an import did. Services are counted once each; organisations, taxonomies
 * and terms are counted once per run, by their id, however many services carry them
 * (a term first found unchanged and later updated counts as updated).
 */
export class ImportTally {
  readonly services = emptyCounts();
  private readonly others = {
    organisation: new Map<string, ImportOutcome>(),
    taxonomy: new Map<string, ImportOutcome>(),
    taxonomy_term: new Map<string, ImportOutcome>(),
  };
  readonly invalid: ImportIssue[] = [];
  readonly skipped: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private notListed = 0;

  constructor(private readonly source: string) {}

  /** The outcome of one service, with its issue when it was skipped or invalid. */
  service(outcome: ImportOutcome, issue?: ImportIssue): void {
    this.services[outcome]++;
    this.services.total++;
    if (issue && (outcome === 'skipped' || outcome === 'invalid')) this.list(this[outcome], issue);
  }

  /** True the first time a record of this type and id is noted in the run. */
  note(
    type: 'organisation' | 'taxonomy' | 'taxonomy_term',
    id: string,
    outcome: ImportOutcome,
    issue?: ImportIssue,
  ): boolean {
    const known = this.others[type].get(id);
    if (known === undefined || RANK[outcome] > RANK[known]) this.others[type].set(id, outcome);
    if (issue && known === undefined && (outcome === 'skipped' || outcome === 'invalid'))
      this.list(this[outcome], issue);
    return known === undefined;
  }

  /** Has an organisation, taxonomy or term of this id been noted already? */
  has(type: 'organisation' | 'taxonomy' | 'taxonomy_term', id: string): boolean {
    return this.others[type].has(id);
  }

  /** A record that is none of the ORUK records the import knows, or has no id to count it by: listed as invalid. */
  unknown(issue: ImportIssue): void {
    this.list(this.invalid, issue);
  }

  warn(issue: ImportIssue): void {
    if (issue.messages.length) this.list(this.warnings, issue);
  }

  /** More warnings about a record: added to the record's entry when it has one. */
  warnAlso(issue: ImportIssue): void {
    const known = this.warnings.find(
      (entry) => entry.recordType === issue.recordType && entry.sourceId === issue.sourceId && entry.at === issue.at,
    );
    if (known) known.messages.push(...issue.messages);
    else this.warn(issue);
  }

  private list(target: ImportIssue[], issue: ImportIssue): void {
    if (target.length < MAX_LISTED) target.push(issue);
    else this.notListed++;
  }

  report(): OrukImportReport {
    const count = (outcomes: Map<string, ImportOutcome>) => {
      const counts = emptyCounts();
      for (const outcome of outcomes.values()) {
        counts[outcome]++;
        counts.total++;
      }
      return counts;
    };
    return {
      source: this.source,
      services: { ...this.services },
      organisations: count(this.others.organisation),
      taxonomies: count(this.others.taxonomy),
      taxonomyTerms: count(this.others.taxonomy_term),
      invalid: this.invalid,
      skipped: this.skipped,
      warnings: this.warnings,
      issuesNotListed: this.notListed,
    };
  }
}

function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0 };
}
