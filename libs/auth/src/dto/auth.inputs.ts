import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalText, Trim } from '@cohesion/common';
import { MAX_PASSWORD_LENGTH } from '../passwords/password-policy.js';

@InputType()
export class RegisterInput {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 12 characters; common passwords are refused.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(120)
  fullName: string;

  @Field({ nullable: true })
  @OptionalText(120)
  jobTitle?: string;

  @Field({
    nullable: true,
    description:
      'The token of an organisation’s invitation to this address: the address counts as verified and the ' +
      'membership is confirmed in the same step.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  invitationToken?: string;
}

@InputType()
export class LoginInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class RefreshTokenInput {
  @Field({ description: 'The refresh token from login, register or the last refresh.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  refreshToken: string;
}

@InputType()
export class LogoutInput {
  @Field({ nullable: true, description: 'Ends this session: the refresh token and every token rotated from it.' })
  @IsOptional()
  @MaxLength(200)
  refreshToken?: string;

  @Field({ nullable: true, description: 'Ends every session of the signed-in account, including access tokens.' })
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}

@InputType()
export class VerifyEmailInput {
  @Field({ description: 'The token from the link in the verification email.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  token: string;
}

@InputType()
export class ChangeEmailInput {
  @Field({ description: 'The new address; it takes effect once the link sent to it is followed.' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  newEmail: string;

  @Field({ description: 'Your current password.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(254)
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the link in the reset email.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  token: string;

  @Field({ description: 'At least 12 characters; common passwords are refused.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @Field({ description: 'At least 12 characters; common passwords are refused.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType()
export class DeleteMyAccountInput {
  @Field({ nullable: true, description: 'Your current password.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}
