import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, presentValues, viewerOf, type RequestContext } from '@cohesion/common';
import { Access, Public } from '@cohesion/auth';
import { CreateTaxonomyTermInput, UpdateTaxonomyTermInput } from './dto/taxonomy.inputs.js';
import { TaxonomyTermsArgs } from './dto/taxonomy.args.js';
import { TaxonomyByIdLoader, TermByIdLoader, TermChildrenLoader } from './taxonomy.loaders.js';
import { Taxonomy, TaxonomyTerm } from './taxonomy.model.js';
import { toTaxonomy, toTaxonomyTerm } from './taxonomy.mapper.js';
import { TaxonomyService } from './taxonomy.service.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

@ObjectType()
export class TaxonomyTermConnection extends Connection(TaxonomyTerm, 'TaxonomyTerm') {}

@Resolver(() => TaxonomyTerm)
export class TaxonomyTermsResolver {
  constructor(
    private readonly service: TaxonomyService,
    private readonly termById: TermByIdLoader,
    private readonly childrenLoader: TermChildrenLoader,
    private readonly taxonomyById: TaxonomyByIdLoader,
  ) {}

  @Query(() => TaxonomyTermConnection, { description: 'Terms of the cohesion-themes and service-types vocabularies.' })
  @Public(DIRECTORY_POLICY.seeTaxonomies)
  taxonomyTerms(@Args() args: TaxonomyTermsArgs): Promise<TaxonomyTermConnection> {
    return this.service.listTerms(args.filter, args);
  }

  @Query(() => [Taxonomy], { description: 'The vocabularies.' })
  @Public(DIRECTORY_POLICY.seeTaxonomies)
  async taxonomies(): Promise<Taxonomy[]> {
    return (await this.service.taxonomies()).map(toTaxonomy);
  }

  @Mutation(() => TaxonomyTerm)
  @Access('admin', DIRECTORY_POLICY.manageReferenceData)
  createTaxonomyTerm(
    @Args('input') input: CreateTaxonomyTermInput,
    @Context() context: RequestContext,
  ): Promise<TaxonomyTerm> {
    return this.service.createTerm(viewerOf(context), input);
  }

  @Mutation(() => TaxonomyTerm)
  @Access('admin', DIRECTORY_POLICY.manageReferenceData)
  updateTaxonomyTerm(
    @Args('input') input: UpdateTaxonomyTermInput,
    @Context() context: RequestContext,
  ): Promise<TaxonomyTerm> {
    return this.service.updateTerm(viewerOf(context), input);
  }

  @ResolveField(() => Taxonomy)
  async taxonomy(@Parent() term: TaxonomyTerm, @Context() context: RequestContext): Promise<Taxonomy> {
    const taxonomy = await context.loaders.get(this.taxonomyById).load(term.taxonomyId);
    return toTaxonomy(taxonomy as NonNullable<typeof taxonomy>);
  }

  @ResolveField(() => TaxonomyTerm, { nullable: true })
  async parent(@Parent() term: TaxonomyTerm, @Context() context: RequestContext): Promise<TaxonomyTerm | null> {
    if (!term.parentId) return null;
    const parent = await context.loaders.get(this.termById).load(term.parentId);
    return parent ? toTaxonomyTerm(parent) : null;
  }

  @ResolveField(() => [TaxonomyTerm])
  async children(@Parent() term: TaxonomyTerm, @Context() context: RequestContext): Promise<TaxonomyTerm[]> {
    return (await context.loaders.get(this.childrenLoader).load(term.termId)).map(toTaxonomyTerm);
  }

  @ResolveField(() => [TaxonomyTerm], { description: 'From the top term down to this one, itself excluded.' })
  async ancestors(@Parent() term: TaxonomyTerm, @Context() context: RequestContext): Promise<TaxonomyTerm[]> {
    return presentValues(await context.loaders.get(this.termById).loadMany(term.pathIds.slice(0, -1))).map(
      toTaxonomyTerm,
    );
  }
}
