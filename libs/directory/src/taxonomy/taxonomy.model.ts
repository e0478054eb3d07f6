import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, UuidField } from '@cohesion/common';

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
