import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, inKeyOrder, type LoaderFactory } from '@cohesion/common';
import { childrenLoader } from '../shared/tree.js';
import type { AreaEntity } from './area.entity.js';
import { AreasService } from './areas.service.js';

/** Areas by id. Areas are public reference data, the same for every viewer. */
@Injectable()
export class AreaByIdLoader implements LoaderFactory<string, AreaEntity | null> {
  constructor(private readonly areas: AreasService) {}

  create(): DataLoader<string, AreaEntity | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.areas.byIds(ids), (area) => area.id),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class AreaChildrenLoader implements LoaderFactory<string, AreaEntity[]> {
  constructor(private readonly areas: AreasService) {}

  create(): DataLoader<string, AreaEntity[]> {
    return childrenLoader((parentIds) => this.areas.childrenOf(parentIds));
  }
}
