import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsGlobalIdOf, Trim } from '@cohesion/common';
import { INTRODUCTION_RULES } from '../../network.rules.js';
import { ConnectionOrigin } from '../../connections/connection-origin.js';

const { messageMinLength, messageMaxLength, noteMaxLength } = INTRODUCTION_RULES;

@InputType()
export class RequestIntroductionInput {
  @Field(() => ID, { description: 'The practitioner you would like to connect with.' })
  @IsGlobalIdOf('Practitioner')
  to: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A mutual connection to ask to introduce you (they see it first); leave out to ask directly.',
  })
  @IsOptional()
  @IsGlobalIdOf('Practitioner')
  via?: string;

  @Field({ description: `Why you would like to connect (${messageMinLength} to ${messageMaxLength} characters).` })
  @Trim()
  @IsString()
  @Length(messageMinLength, messageMaxLength, {
    message: `must be ${messageMinLength} to ${messageMaxLength} characters`,
  })
  message: string;

  @Field(() => ConnectionOrigin, {
    nullable: true,
    description: 'For a direct request to someone you already know: how (MET_AT_EVENT, WORKED_TOGETHER).',
  })
  @IsOptional()
  @IsEnum(ConnectionOrigin)
  howWeMet?: ConnectionOrigin;
}

@InputType()
export class RespondToIntroductionInput {
  @Field(() => ID)
  @IsGlobalIdOf('Introduction')
  id: string;

  @Field({
    description: 'As the broker: pass it on (true) or decline. As the person asked: accept (true) or decline.',
  })
  @IsBoolean()
  accept: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'As the broker, a note for the person asked. As the person asked, a note the other sees only if you accept.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(noteMaxLength)
  note?: string | null;
}
