import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  BATCH_OPTIONS,
  groupedInKeyOrder,
  inKeyOrder,
  type LoaderFactory,
  type RequestContext,
  type Viewer,
} from '@cohesion/common';
import type { AreaEntity } from '../areas/area.entity.js';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy.entity.js';
import type { Organisation } from './organisation.model.js';
import { recordToOrganisation } from './organisation.mapper.js';
import type { OrganisationRecord } from './organisation.queries.js';
import { OrganisationsService } from './organisations.service.js';

/** Organisations by id, as the viewer may see them: null for one they may not. */
@Injectable()
export class OrganisationByIdLoader implements LoaderFactory<string, OrganisationRecord | null> {
  constructor(private readonly organisations: OrganisationsService) {}

  create(viewer: Viewer): DataLoader<string, OrganisationRecord | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.organisations.visibleByIds(viewer, ids), (row) => row.id),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class OrganisationAreasLoader implements LoaderFactory<string, AreaEntity[]> {
  constructor(private readonly organisations: OrganisationsService) {}

  create(): DataLoader<string, AreaEntity[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.organisations.areasOf(ids), (row) => row.ownerId),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class OrganisationThemesLoader implements LoaderFactory<string, TaxonomyTermEntity[]> {
  constructor(private readonly organisations: OrganisationsService) {}

  create(): DataLoader<string, TaxonomyTermEntity[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.organisations.themesOf(ids), (row) => row.ownerId),
      BATCH_OPTIONS,
    );
  }
}

/** An organisation as the viewer may see it (null when they may not), through the request's loader. */
export async function organisationFor(
  loader: OrganisationByIdLoader,
  context: RequestContext,
  organisationId: string | null,
): Promise<Organisation | null> {
  if (!organisationId) return null;
  const record = await context.loaders.get(loader).load(organisationId);
  return record ? recordToOrganisation(record) : null;
}
