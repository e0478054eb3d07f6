import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum NetworkNodeKind {
  PRACTITIONER = 'PRACTITIONER',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(NetworkNodeKind, { name: 'NetworkNodeKind' });

export enum NetworkEdgeKind {
  CONNECTED = 'CONNECTED',
  WORKS_AT = 'WORKS_AT',
  PARTNERS_WITH = 'PARTNERS_WITH',
  MEMBER_OF = 'MEMBER_OF',
}
registerEnumType(NetworkEdgeKind, {
  name: 'NetworkEdgeKind',
  description:
    'CONNECTED: two practitioners; WORKS_AT: a practitioner and their organisation; PARTNERS_WITH and ' +
    'MEMBER_OF: two organisations (MEMBER_OF points from the member to the network it belongs to).',
});

@ObjectType({ description: 'A practitioner or organisation in the network.' })
export class NetworkNode {
  @Field(() => ID, { description: 'The global id of the practitioner or organisation.' })
  id: string;

  @Field(() => NetworkNodeKind)
  kind: NetworkNodeKind;

  @Field({ description: 'Their name, for drawing.' })
  label: string;

  @Field(() => Int, { description: 'Steps from the centre (0 is the centre).' })
  depth: number;

  entityId: string;
}

@ObjectType()
export class NetworkEdge {
  @Field(() => ID)
  source: string;

  @Field(() => ID)
  target: string;

  @Field(() => NetworkEdgeKind)
  kind: NetworkEdgeKind;
}

@ObjectType({ description: 'Nodes and edges around a practitioner or organisation, for drawing.' })
export class NetworkGraph {
  @Field(() => [NetworkNode])
  nodes: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'Every edge between two of the nodes.' })
  edges: NetworkEdge[];

  @Field({ description: 'True when there was more within the depth than `maxNodes` allows.' })
  truncated: boolean;
}
