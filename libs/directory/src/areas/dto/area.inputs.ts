import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { IsGlobalIdOf, OptionalText, Trim } from '@cohesion/common';
import { AreaKind } from '../area.model.js';

@InputType()
export class AreasFilter {
  @Field(() => [AreaKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(AreaKind, { each: true })
  kinds?: AreaKind[];

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this area.' })
  @IsOptional()
  @IsGlobalIdOf('Area')
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'This area and everything under it.' })
  @IsOptional()
  @IsGlobalIdOf('Area')
  within?: string;

  @Field({ nullable: true, description: 'Only the top of the tree (regions).' })
  @IsOptional()
  rootsOnly?: boolean;

  @Field({ nullable: true, description: 'Name contains these words (case-insensitive).' })
  @OptionalText(120)
  nameContains?: string;

  @Field(() => [String], { nullable: true, description: 'ONS codes, e.g. E08000030.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(20, { each: true })
  codes?: string[];
}

@InputType()
export class CreateAreaInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(120)
  name: string;

  @Field(() => AreaKind)
  @IsEnum(AreaKind)
  kind: AreaKind;

  @Field(() => String, { nullable: true })
  @OptionalText(20)
  code?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsGlobalIdOf('Area')
  parentId?: string | null;
}

@InputType()
export class UpdateAreaInput {
  @Field(() => ID)
  @IsGlobalIdOf('Area')
  id: string;

  @Field({ nullable: true })
  @Trim()
  @IsOptional()
  @IsNotEmpty({ message: 'cannot be blank' })
  @MaxLength(120)
  name?: string;

  @Field(() => String, { nullable: true })
  @OptionalText(20)
  code?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsGlobalIdOf('Area')
  parentId?: string | null;
}
