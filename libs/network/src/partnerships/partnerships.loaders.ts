import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, type LoaderFactory, type Viewer } from '@cohesion/common';
import type { Partnership } from './partnership.model.js';
import { PartnershipsService } from './partnerships.service.js';

/** Each organisation's partnerships as the viewer may see them, one query per batch. */
@Injectable()
export class PartnershipsByOrganisationLoader implements LoaderFactory<string, Partnership[]> {
  constructor(private readonly partnerships: PartnershipsService) {}

  create(viewer: Viewer): DataLoader<string, Partnership[]> {
    return new DataLoader(async (ids) => {
      const byOrganisation = await this.partnerships.of(viewer, ids);
      return ids.map((id) => byOrganisation.get(id) ?? []);
    }, BATCH_OPTIONS);
  }
}
