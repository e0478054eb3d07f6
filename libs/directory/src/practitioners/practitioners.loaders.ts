import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  BATCH_OPTIONS,
  batchByPageSize,
  groupedInKeyOrder,
  inKeyOrder,
  type ConnectionShape,
  type LoaderFactory,
  type Viewer,
} from '@cohesion/common';
import type { AreaEntity } from '../areas/area.entity.js';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy.entity.js';
import type { Practitioner } from './practitioner.model.js';
import type { PractitionerRecord } from './practitioner.queries.js';
import { PractitionersService } from './practitioners.service.js';

@Injectable()
export class PractitionerByIdLoader implements LoaderFactory<string, PractitionerRecord | null> {
  constructor(private readonly practitioners: PractitionersService) {}

  create(viewer: Viewer): DataLoader<string, PractitionerRecord | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.practitioners.visibleByIds(viewer, ids), (row) => row.id),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class PractitionerAreasLoader implements LoaderFactory<string, AreaEntity[]> {
  constructor(private readonly practitioners: PractitionersService) {}

  create(): DataLoader<string, AreaEntity[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.practitioners.areasOf(ids), (row) => row.ownerId),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class PractitionerThemesLoader implements LoaderFactory<string, TaxonomyTermEntity[]> {
  constructor(private readonly practitioners: PractitionersService) {}

  create(): DataLoader<string, TaxonomyTermEntity[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.practitioners.themesOf(ids), (row) => row.ownerId),
      BATCH_OPTIONS,
    );
  }
}

/** Keys are `organisationId:first`; each distinct page size is one query for all its organisations. */
@Injectable()
export class OrganisationPractitionersLoader implements LoaderFactory<string, ConnectionShape<Practitioner>> {
  constructor(private readonly practitioners: PractitionersService) {}

  create(viewer: Viewer): DataLoader<string, ConnectionShape<Practitioner>> {
    return new DataLoader(
      async (keys) => batchByPageSize(keys, (ids, first) => this.practitioners.byOrganisations(viewer, ids, first)),
      BATCH_OPTIONS,
    );
  }
}
