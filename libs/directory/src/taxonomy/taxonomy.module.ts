import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@cohesion/common';
import { TaxonomyByIdLoader, TermByIdLoader, TermChildrenLoader } from './taxonomy.loaders.js';
import { TAXONOMY_TERM_TYPE, TAXONOMY_TYPE } from './taxonomy.model.js';
import { toTaxonomy, toTaxonomyTerm } from './taxonomy.mapper.js';
import { TaxonomyTermsResolver } from './taxonomy.resolver.js';
import { TaxonomyService } from './taxonomy.service.js';

@Module({
  providers: [TaxonomyService, TermByIdLoader, TermChildrenLoader, TaxonomyByIdLoader, TaxonomyTermsResolver],
  exports: [TaxonomyService, TermByIdLoader],
})
export class TaxonomyModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly termById: TermByIdLoader,
    private readonly taxonomyById: TaxonomyByIdLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register(TAXONOMY_TERM_TYPE, async (id, context) => {
      const term = await context.loaders.get(this.termById).load(id);
      return term ? toTaxonomyTerm(term) : null;
    });
    this.nodes.register(TAXONOMY_TYPE, async (id, context) => {
      const taxonomy = await context.loaders.get(this.taxonomyById).load(id);
      return taxonomy ? toTaxonomy(taxonomy) : null;
    });
  }
}
