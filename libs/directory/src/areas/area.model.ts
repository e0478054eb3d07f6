import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Node } from '@cohesion/common';

export enum AreaKind {
  REGION = 'REGION',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  LOCALITY = 'LOCALITY',
  WARD = 'WARD',
}
registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'Levels of the area tree: region > local authority > locality > ward.',
});

@ObjectType('Area', { implements: () => [Node], description: 'A place: region, local authority, locality or ward.' })
export class Area implements Node {
  readonly __typename = 'Area';

  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AreaKind)
  kind: AreaKind;

  @Field(() => String, {
    nullable: true,
    description: 'ONS GSS code (e.g. E08000030 for Walsall, E05... for wards); council-defined for localities.',
  })
  code: string | null;

  /** Internal ids for field resolvers. */
  areaId: string;
  parentId: string | null;
  pathIds: string[];
}
