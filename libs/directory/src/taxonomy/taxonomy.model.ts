import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, toGlobalId, UuidField } from '@cohesion/common';
import type { TaxonomyEntity, TaxonomyTermEntity } from './taxonomy.entity.js';

export const TAXONOMY_TYPE = 'Taxonomy';
export const TAXONOMY_TERM_TYPE = 'TaxonomyTerm';

/** The vocabularies the product ships with. */
export const COHESION_THEMES = 'cohesion-themes';
export const SERVICE_TYPES = 'service-types';

@ObjectType('Taxonomy', { implements: () => [Node], description: 'A vocabulary of terms.' })
export class Taxonomy implements Node {
  readonly __typename = 'Taxonomy';

  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable machine name: cohesion-themes or service-types.' })
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @UuidField('/openreferral/v3/taxonomies/{id} and taxonomy_id=')
  taxonomyId: string;
}

@ObjectType('TaxonomyTerm', { implements: () => [Node], description: 'A term of a vocabulary, such as a theme.' })
export class TaxonomyTerm implements Node {
  readonly __typename = 'TaxonomyTerm';

  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable machine name within its taxonomy, e.g. hate-crime.' })
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @UuidField('/openreferral/v3/taxonomy_terms/{id} and taxonomy_term_id=')
  termId: string;
  taxonomyId: string;
  parentId: string | null;
  pathIds: string[];
}

export function toTaxonomy(entity: TaxonomyEntity): Taxonomy {
  return Object.assign(new Taxonomy(), {
    id: toGlobalId(TAXONOMY_TYPE, entity.id),
    taxonomyId: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
  });
}

export function toTaxonomyTerm(entity: TaxonomyTermEntity): TaxonomyTerm {
  return Object.assign(new TaxonomyTerm(), {
    id: toGlobalId(TAXONOMY_TERM_TYPE, entity.id),
    termId: entity.id,
    taxonomyId: entity.taxonomyId,
    parentId: entity.parentId,
    pathIds: entity.pathIds,
    code: entity.code,
    name: entity.name,
    description: entity.description,
  });
}
