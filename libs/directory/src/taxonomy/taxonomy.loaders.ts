import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, inKeyOrder, type LoaderFactory } from '@cohesion/common';
import { childrenLoader } from '../shared/tree.js';
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
    return childrenLoader((parentIds) => this.taxonomy.childrenOf(parentIds));
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
