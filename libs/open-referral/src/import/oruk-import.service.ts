import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import {
  asText,
  badInput,
  isUniqueViolation,
  pgConstraint,
  pgErrorCode,
  PrivateAddressError,
  RecordRefused,
  type FieldProblem,
  type ImportProgress,
  type Viewer,
} from '@cohesion/common';
import { DirectoryWriter, Geocoder } from '@cohesion/directory';
import { orukProblems } from '../standard/oruk-schemas.js';
import { isApiDetails, recordName, recordsOfDocument, type OrukRecord, type OrukRecordType } from './oruk-document.js';
import {
  FeedError,
  feedBase,
  fetchFeedOrganisation,
  fetchFeedService,
  inOrderWithConcurrency,
  listFeedServices,
  type FeedClientOptions,
} from './oruk-feed-client.js';
import { ImportTally, type ImportIssue, type OrukImportReport, type OrukRefused } from './oruk-import.report.js';
import { OrukImportWriter, type ImportNote, type UnplacedTerm, type WriteContext } from './oruk-import.writer.js';
import {
  isObject,
  readOrganisation,
  readService,
  readTaxonomy,
  readTerm,
  uuidOf,
  type Json,
  type Reading,
  type ServiceLocationFromOruk,
} from './oruk-records.js';

export interface ImportOptions {
  /** Fetch loopback and private-network addresses too. The API allows it only when configured to. */
  allowPrivate?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** One import: who runs it, from where, and what it has done so far. */
interface ImportRun {
  actor: Viewer | null;
  /** The feed's address or the file's name, as records are marked. */
  source: string;
  tally: ImportTally;
  /** Services met so far, by source id, with where they were. */
  seen: Map<string, string>;
  /** Terms put at the top of their taxonomy while their parent was not known, with the record that gave them. */
  unplaced: { term: UnplacedTerm; record: ImportIssue }[];
}

/** The longest source a record can be marked with. */
const MAX_SOURCE = 500;

/** SQLSTATE classes of a row the database refuses: integrity (23) and data (22) errors. */
const REFUSED_ROW = /^2[23]/;

/**
 * Imports another publisher's Open Referral UK 3.0 data into the directory: a whole
 * feed (paging through /services and fetching each /services/{id}, a few at a time) or a
 * saved document (a service, organisation, service_at_location, taxonomy or term, a list
 * page of them, or an array).
 *
 * Every service is checked against the ORUK schema; one that fails is reported with
 * its problems and skipped. Each service is then written in its own transaction with its
 * organisation, places, parts and terms, so nothing is half-written, and found again by
 * its source id on the next run: an unchanged service is left alone, a changed one is
 * updated. `actor` null is the system (the command line); its audit rows have no actor.
 */
@Injectable()
export class OpenReferralImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrukImportWriter,
    private readonly directory: DirectoryWriter,
    private readonly config: AppConfig,
    private readonly geocoder: Geocoder,
  ) {}

  /** Imports the feed at `address` (its base, e.g. https://example.org/openreferral/v3). BAD_USER_INPUT naming `url` when it cannot be read. */
  async importFeed(actor: Viewer | null, address: string, options: ImportOptions = {}): Promise<OrukImportReport> {
    const client: FeedClientOptions = {
      timeoutMs: this.config.orukImportTimeoutMs,
      concurrency: this.config.orukImportConcurrency,
      allowPrivate: options.allowPrivate ?? false,
    };
    let base: URL;
    let listing: Awaited<ReturnType<typeof listFeedServices>>;
    try {
      base = feedBase(address);
      // Imported records are marked with the address (source_feed holds 500 characters).
      if (base.href.length > MAX_SOURCE) throw new FeedError(`must be at most ${MAX_SOURCE} characters`);
      listing = await listFeedServices(base, client, (page, totalPages) =>
        options.onProgress?.({ phase: 'listing', done: page, total: totalPages }),
      );
    } catch (error) {
      if (error instanceof FeedError) throw badInput('url', error.message);
      if (error instanceof PrivateAddressError) {
        throw badInput('url', `must be a public web address: ${error.message}`);
      }
      throw error;
    }
    const source = base.href.replace(/\/$/, '');
    const run: ImportRun = { actor, source, tally: new ImportTally(source), seen: new Map(), unplaced: [] };
    for (const record of listing.unusable) this.invalid(run, record, ['id: must be a uuid']);
    const total = listing.ids.length + listing.unusable.length;
    let done = listing.unusable.length;
    // A service naming its organization only by organization_id gets it from the feed's /organizations/{id}, once each.
    const organisations = new Map<string, Promise<Json | null>>();
    const withOrganisation = async (record: OrukRecord): Promise<OrukRecord> => {
      const json = record.json;
      const id = isObject(json) && !isObject(json.organization) ? uuidOf(json.organization_id) : null;
      if (!id) return record;
      if (!organisations.has(id)) organisations.set(id, fetchFeedOrganisation(base, id, client));
      const organisation = await organisations.get(id);
      const usable =
        organisation && uuidOf(organisation.id) === id && !orukProblems('organization', organisation).length;
      return usable ? { ...record, json: { ...(json as Json), organization: organisation } } : record;
    };
    const fetched = inOrderWithConcurrency(listing.ids, client.concurrency, async (id) =>
      withOrganisation(await fetchFeedService(base, id, client)),
    );
    for await (const record of fetched) {
      await this.importRecord(run, record);
      options.onProgress?.({ phase: 'importing', done: ++done, total });
    }
    return this.finish(run);
  }

  /**
   * Imports a saved ORUK document; `source` (the file's name) marks the records.
   * BAD_USER_INPUT naming `document` when it is not ORUK data at all.
   */
  async importDocument(
    actor: Viewer | null,
    source: string,
    document: unknown,
    options: ImportOptions = {},
  ): Promise<OrukImportReport> {
    if (isApiDetails(document)) {
      throw badInput(
        'document',
        "is a feed's description (api_details, what the feed's address answers), not records: give the feed's address itself (such as https://example.org/openreferral/v3) to import every service it lists, or a saved service, organization, taxonomy, list page or array of them",
      );
    }
    const records = recordsOfDocument(document);
    if (!records) {
      throw badInput(
        'document',
        'must be Open Referral UK JSON: a service, organization, service_at_location, taxonomy or taxonomy_term, a list page ({"contents": [...]}) or an array of them',
      );
    }
    const label = source.slice(0, MAX_SOURCE);
    const run: ImportRun = { actor, source: label, tally: new ImportTally(label), seen: new Map(), unplaced: [] };
    let done = 0;
    for (const record of records) {
      await this.importRecord(run, record);
      options.onProgress?.({ phase: 'importing', done: ++done, total: records.length });
    }
    return this.finish(run);
  }

  /**
   * The report, once every record is in: a term whose parent the whole import never
   * brought is reported on each record that gave it (its parent may come in a later import).
   */
  private async finish(run: ImportRun): Promise<OrukImportReport> {
    if (run.unplaced.length) {
      const still = await this.directory.taxonomy.stillAtTop(this.dataSource.manager, [
        ...new Set(run.unplaced.map(({ term }) => term.termId)),
      ]);
      for (const { term, record } of run.unplaced) {
        if (!still.has(term.termId)) continue;
        run.tally.warnAlso({
          ...record,
          messages: [
            `${term.field}: names no term this directory knows or this import brought; placed at the top of its taxonomy`,
          ],
        });
      }
    }
    return run.tally.report();
  }

  private async importRecord(run: ImportRun, record: OrukRecord): Promise<void> {
    switch (record.type) {
      case 'service':
        return this.importService(run, record);
      case 'organisation': {
        const reading = readOrganisation(record.json);
        return this.importOther(run, record, 'organization', reading, (w, organisation) =>
          this.writer.organisation(w, organisation, reading.warnings, record.at),
        );
      }
      case 'taxonomy':
        return this.importOther(run, record, 'taxonomy', readTaxonomy(record.json), (w, taxonomy) =>
          this.writer.taxonomy(w, taxonomy),
        );
      case 'taxonomy_term':
        return this.importOther(run, record, 'taxonomy_term', readTerm(record.json, ''), (w, term) =>
          this.writer.term(w, term, true),
        );
      default:
        run.tally.unknown(
          this.issue(record, [
            'is not a record the import knows: expected a service, organization, service_at_location, taxonomy or taxonomy_term',
          ]),
        );
    }
  }

  private issue(record: OrukRecord, messages: string[]): ImportIssue {
    const id = isObject(record.json) ? uuidOf(record.json.id) : null;
    return {
      recordType: record.type,
      sourceId: id ?? (record.at.startsWith('services/') ? record.at.slice('services/'.length) : null),
      name: recordName(record.json),
      at: record.at,
      messages,
    };
  }

  private invalid(run: ImportRun, record: OrukRecord, messages: string[]): void {
    run.tally.service('invalid', this.issue(record, messages));
  }

  private async importService(run: ImportRun, record: OrukRecord): Promise<void> {
    if (record.fetchProblem) return this.invalid(run, record, [`could not be fetched: ${record.fetchProblem}`]);
    const schema = orukProblems('service', record.json);
    if (schema.length) {
      this.invalid(run, record, schema.map(asText));
      // An organisation whose own fields fail the schema counts as invalid too (its service says why).
      const organisation =
        isObject(record.json) && isObject(record.json.organization) ? record.json.organization : null;
      const organisationId = organisation ? uuidOf(organisation.id) : null;
      if (organisationId && schema.some((problem) => problem.field.startsWith('organization.'))) {
        run.tally.note('organisation', organisationId, 'invalid');
      }
      return;
    }
    const reading = readService(record.json);
    const service = reading.value;
    if (!service) return this.invalid(run, record, reading.problems.map(asText));
    const earlier = run.seen.get(service.sourceId);
    if (earlier !== undefined) {
      const where = earlier ? ` (at ${earlier})` : '';
      return run.tally.service(
        'skipped',
        this.issue(record, [`id: appears earlier in this source${where}; imported once`]),
      );
    }
    run.seen.set(service.sourceId, record.at);
    await this.placeVenues(service.serviceLocations ?? []);
    const written = await this.write(run, record, (w) => this.writer.service(w, service), reading.warnings);
    if (written) run.tally.service(written.outcome);
  }

  /**
   * Places each venue the publisher gave a postcode but no coordinates, as the
   * directory's own venues are (the postcode itself, else its district's centre), before
   * the service's transaction opens.
   */
  private async placeVenues(links: ServiceLocationFromOruk[]): Promise<void> {
    for (const { location } of links) {
      if (location.latitude !== null || !location.postcode) continue;
      Object.assign(location, await this.geocoder.place(location.postcode, null));
    }
  }

  /** An organisation, taxonomy or term that is its own record: checked against its schema, then written. */
  private async importOther<T>(
    run: ImportRun,
    record: OrukRecord,
    schemaName: 'organization' | 'taxonomy' | 'taxonomy_term',
    reading: Reading<T>,
    write: (w: WriteContext, value: T) => Promise<unknown>,
  ): Promise<void> {
    const type = record.type as Exclude<OrukRecordType, 'service'>;
    const schema = orukProblems(schemaName, record.json);
    const value = reading.value;
    if (schema.length === 0 && value) {
      await this.write(run, record, (w) => write(w, value), schemaName === 'organization' ? [] : reading.warnings);
      return;
    }
    const issue = { ...this.issue(record, (schema.length ? schema : reading.problems).map(asText)), recordType: type };
    if (issue.sourceId) run.tally.note(type, issue.sourceId, 'invalid', issue);
    else run.tally.unknown(issue);
  }

  /**
   * Runs one record's writes in a transaction and, once it commits, counts what it did.
   * A record refused along the way, or a row the database refuses, rolls back the whole
   * record and is reported; a lost race with another import is tried once more. Returns
   * null when the record was not written.
   */
  private async write<T>(
    run: ImportRun,
    record: OrukRecord,
    work: (w: WriteContext) => Promise<T>,
    warnings: FieldProblem[] = [],
  ): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const notes: ImportNote[] = [];
      const found = [...warnings];
      const unplaced: UnplacedTerm[] = [];
      try {
        const result = await this.dataSource.transaction((manager) =>
          work({ manager, actor: run.actor, source: run.source, at: record.at, notes, warnings: found, unplaced }),
        );
        for (const term of unplaced) run.unplaced.push({ term, record: this.issue(record, []) });
        for (const note of notes) {
          if (run.tally.note(note.type, note.id, note.outcome, note.issue) && note.warnings) {
            run.tally.warn(note.warnings);
          }
        }
        if (found.length) run.tally.warn(this.issue(record, found.map(asText)));
        return result;
      } catch (error) {
        if (isUniqueViolation(error) && attempt === 1) continue;
        const refusal: OrukRefused | null =
          error instanceof RecordRefused
            ? (error as OrukRefused)
            : REFUSED_ROW.test(pgErrorCode(error) ?? '')
              ? new RecordRefused('invalid', `could not be saved: ${refusedRow(error)}`)
              : null;
        if (!refusal) throw error;
        const issue = this.issue(record, [refusal.message]);
        if (record.type === 'service' || record.type === 'unknown') run.tally.service(refusal.outcome, issue);
        else if (issue.sourceId) run.tally.note(record.type, issue.sourceId, refusal.outcome, issue);
        return null;
      }
    }
  }
}

/** What the database refused, in words that name the rule and never quote the row. */
function refusedRow(error: unknown): string {
  const constraint = pgConstraint(error);
  if (constraint) return `it breaks the rule ${constraint}`;
  return (error as Error).message.split('\n')[0];
}
