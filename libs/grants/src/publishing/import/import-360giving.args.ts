import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsGlobalIdOf } from '@cohesion/common';

/** Longer than any request body the API accepts (REQUEST_BODY_LIMIT decides); a bound for the validator. */
const MAX_PACKAGE_LENGTH = 50_000_000;

@ArgsType()
export class Import360GivingArgs {
  @Field(() => ID, { description: 'The fund the awards go into.' })
  @IsGlobalIdOf('GrantFund')
  fundId: string;

  @Field(() => String, {
    description:
      'The 360Giving 1.4.3 JSON package, as text (the file’s contents); its size is bounded by the request body limit. ' +
      'Bigger files: use `npm run import:360giving`.',
  })
  @IsString()
  @MaxLength(MAX_PACKAGE_LENGTH)
  package: string;
}
