import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@cohesion/common';
import { DirectoryWriter } from '@cohesion/directory';
import type { OrganisationFromOruk, ServiceFromOruk, TaxonomyFromOruk, TermFromOruk } from './oruk-records.js';
import { PlaceImport } from './writer/location.writer.js';
import { OrganisationImport } from './writer/organisation.writer.js';
import { ServiceImport } from './writer/service.writer.js';
import { TaxonomyImport } from './writer/taxonomy.writer.js';
import type { WriteContext } from './writer/write-context.js';

export type { ImportNote, UnplacedTerm, WriteContext } from './writer/write-context.js';

/**
 * Writes Open Referral records into the directory, through the directory's writer,
 * inside the transaction the caller opens for each record. Records are found again by
 * their source id; an id the publisher gave becomes the row's id when no other row has
 * it, so ids stay the same from one system to the next. Records made in this directory
 * (no source) are never changed by an import.
 */
@Injectable()
export class OrukImportWriter {
  private readonly organisations: OrganisationImport;
  private readonly taxonomies: TaxonomyImport;
  private readonly services: ServiceImport;

  constructor(directory: DirectoryWriter) {
    this.organisations = new OrganisationImport(directory);
    this.taxonomies = new TaxonomyImport(directory);
    this.services = new ServiceImport(directory, this.organisations, this.taxonomies, new PlaceImport(directory));
  }

  /** An organization that is its own record. */
  organisation(w: WriteContext, organisation: OrganisationFromOruk, warnings: FieldProblem[], at: string) {
    return this.organisations.organisation(w, organisation, warnings, at);
  }

  /** A service with all its parts; says whether it was created, updated or unchanged. */
  service(w: WriteContext, service: ServiceFromOruk) {
    return this.services.service(w, service);
  }

  /** A taxonomy that is its own record. */
  taxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk) {
    return this.taxonomies.taxonomy(w, taxonomy);
  }

  /** A term, its own record (`standalone`) or one a service gives. */
  term(w: WriteContext, term: TermFromOruk, standalone: boolean) {
    return this.taxonomies.term(w, term, standalone);
  }
}
