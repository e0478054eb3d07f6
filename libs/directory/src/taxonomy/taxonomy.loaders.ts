import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, groupedInKeyOrder, inKeyOrder, type LoaderFactory } from '@cohesion/common';
import type { TaxonomyEntity, TaxonomyTermEntity } from './taxonomy.entity.js';
import { TaxonomyService } from './taxonomy.service.js';

@Injectable()
export class TermByIdLoader implements LoaderFactory<string, TaxonomyTermEntity | null> {
  constructor(private readonly taxonomy: TaxonomyService) {}

  create(): DataLoader<string, TaxonomyTermEntity | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.taxonomy.termsByIds(ids), (term) => term.id),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class TermChildrenLoader implements LoaderFactory<string, TaxonomyTermEntity[]> {
  constructor(private readonly taxonomy: TaxonomyService) {}

  create(): DataLoader<string, TaxonomyTermEntity[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.taxonomy.childrenOf(ids), (term) => term.parentId as string),
      BATCH_OPTIONS,
    );
  }
}

@Injectable()
export class TaxonomyByIdLoader implements LoaderFactory<string, TaxonomyEntity | null> {
  constructor(private readonly taxonomy: TaxonomyService) {}

  create(): DataLoader<string, TaxonomyEntity | null> {
    return new DataLoader(
      async (ids) => inKeyOrder(ids, await this.taxonomy.taxonomiesByIds(ids), (row) => row.id),
      BATCH_OPTIONS,
    );
  }
}
