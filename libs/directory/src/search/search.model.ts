import { createUnionType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@cohesion/common';
import { GeocodePrecisionKind } from '../geo/geocode-precision.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { Practitioner } from '../practitioners/practitioner.model.js';
import { Service } from '../services/service.model.js';
import type { SearchKind } from './search.inputs.js';

export const SearchHit = createUnionType({
  name: 'SearchHit',
  description: 'A person, an organisation or a service.',
  types: () => [Practitioner, Organisation, Service] as const,
  resolveType: (value: { __typename?: string }) => value.__typename,
});

@ObjectType()
export class SearchEdge {
  @Field()
  cursor: string;

  @Field(() => Float, { description: 'Relevance: higher is better. Exact name matches score above 10.' })
  score: number;

  @Field(() => String, {
    nullable: true,
    description: 'A short extract with the matched words in <mark></mark>; the rest is HTML-escaped.',
  })
  highlight: string | null;

  @Field(() => Float, { nullable: true, description: 'Metres from filter.near, when given.' })
  distanceMetres: number | null;

  /** Resolved into `node` by a loader for its kind. */
  kind: SearchKind;
  entityId: string;
}

@ObjectType()
export class SearchFacetCount {
  @Field({ description: 'The value to filter by: an enum value, a language code or a global id.' })
  value: string;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Counts over all results (every page), of what you may see.' })
export class SearchFacets {
  @Field(() => [SearchFacetCount])
  kinds: SearchFacetCount[];

  @Field(() => [SearchFacetCount], { description: 'Organisations among the results, by kind.' })
  organisationKinds: SearchFacetCount[];

  @Field(() => [SearchFacetCount], { description: 'The ten cohesion themes the results are tagged with most.' })
  themes: SearchFacetCount[];

  @Field(() => [SearchFacetCount], { description: 'Local authorities the results are in.' })
  areas: SearchFacetCount[];

  @Field(() => [SearchFacetCount])
  languages: SearchFacetCount[];
}

@ObjectType({ description: 'Where distances were measured from.' })
export class SearchOrigin {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => GeocodePrecisionKind)
  precision: GeocodePrecisionKind;

  @Field(() => String, { nullable: true })
  postcode: string | null;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number | Promise<number>;

  @Field(() => SearchFacets)
  facets: SearchFacets | Promise<SearchFacets>;

  @Field(() => SearchOrigin, { nullable: true })
  origin: SearchOrigin | null;
}
