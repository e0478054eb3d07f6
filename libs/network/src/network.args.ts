import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';
import { NETWORK_LIMITS } from './network.rules.js';

const { suggestionsMax, suggestionsDefault, pathMaxHops, graphMaxDepth, graphMaxNodes, graphDefaultNodes } =
  NETWORK_LIMITS;

@ArgsType()
export class SuggestedPeersArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: suggestionsDefault,
    description: `How many suggestions (1 to ${suggestionsMax}).`,
  })
  @IsOptional()
  @Min(1)
  @Max(suggestionsMax)
  first: number = suggestionsDefault;
}

@ArgsType()
export class IntroductionPathArgs {
  @Field(() => ID, { description: 'The practitioner you would like to reach.' })
  @IsGlobalIdOf('Practitioner')
  to: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: pathMaxHops,
    description: `The longest chain to look for (1 to ${pathMaxHops} connections).`,
  })
  @IsOptional()
  @Min(1)
  @Max(pathMaxHops)
  maxHops: number = pathMaxHops;
}

@ArgsType()
export class NetworkArgs {
  @Field(() => ID, { description: 'The practitioner or organisation at the centre.' })
  @IsString()
  @MaxLength(120)
  around: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: `Steps out from the centre (1 or ${graphMaxDepth}).`,
  })
  @IsOptional()
  @Min(1)
  @Max(graphMaxDepth)
  depth: number = 1;

  @Field(() => Int, {
    nullable: true,
    defaultValue: graphDefaultNodes,
    description: `At most this many nodes (2 to ${graphMaxNodes}); \`truncated\` says when there were more.`,
  })
  @IsOptional()
  @Min(2)
  @Max(graphMaxNodes)
  maxNodes: number = graphDefaultNodes;
}
