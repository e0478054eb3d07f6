import { UseInterceptors } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { notFound, viewerOf, type RequestContext } from '@cohesion/common';
import { Access, Public } from './access/access.decorator.js';
import { toAccountModel } from './accounts/account.mapper.js';
import { sessionPayload } from './accounts/session-payload.js';
import {
  AccountModel,
  AuthPayloadModel,
  EmailAddressOutcomeModel,
  RegistrationModel,
} from './accounts/account.model.js';
import { AUTH_POLICY } from './auth.policy.js';
import { AuthService, type Session } from './auth.service.js';
import {
  ChangeEmailInput,
  ChangePasswordInput,
  LoginInput,
  LogoutInput,
  RefreshTokenInput,
  RegisterInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  VerifyEmailInput,
} from './dto/auth.inputs.js';
import { PasswordRecoveryService } from './passwords/password-recovery.service.js';
import { EmailVerificationService } from './verification/email-verification.service.js';
import { AuthThrottleInterceptor, ThrottleAuth } from './throttling/auth-throttle.interceptor.js';

@Resolver(() => AccountModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly verification: EmailVerificationService,
    private readonly passwords: PasswordRecoveryService,
  ) {}

  @Mutation(() => RegistrationModel, {
    description:
      'Create an account and practitioner profile, and email a link to verify the address; then sign in. Answers the same for an address that already has an account (its owner is emailed).',
  })
  @Public(AUTH_POLICY.register)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth({ count: 'attempts' })
  async register(@Args('input') input: RegisterInput): Promise<RegistrationModel> {
    const { email } = await this.auth.register(input);
    return Object.assign(new RegistrationModel(), {
      email,
      message: `We have emailed ${email}: follow the link in it to confirm your address, then sign in.`,
    });
  }

  @Mutation(() => EmailAddressOutcomeModel, { description: 'Follow the link of a verification email.' })
  @Public(AUTH_POLICY.followEmailedLink)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async verifyEmail(@Args('input') input: VerifyEmailInput): Promise<EmailAddressOutcomeModel> {
    const { email } = await this.verification.verify(input.token);
    return outcome(email, `${email} is confirmed as your address.`);
  }

  @Mutation(() => EmailAddressOutcomeModel, {
    description: 'Send a new verification link to your address; earlier links stop working. At most one a minute.',
  })
  @Access('account', AUTH_POLICY.manageOwnAccount)
  async resendVerificationEmail(@Context() context: RequestContext): Promise<EmailAddressOutcomeModel> {
    const { email } = await this.verification.resend(viewerOf(context));
    return outcome(email, `We have sent a new link to ${email}.`);
  }

  @Mutation(() => EmailAddressOutcomeModel, {
    description:
      'Move your account to a new address. A link goes to the new address and word to the current one; nothing changes until the link is followed.',
  })
  @Access('account', AUTH_POLICY.manageOwnAccount)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async changeEmail(
    @Args('input') input: ChangeEmailInput,
    @Context() context: RequestContext,
  ): Promise<EmailAddressOutcomeModel> {
    const { email } = await this.verification.changeEmail(viewerOf(context), input);
    return outcome(email, `We have emailed ${email}: your address changes once you follow the link in it.`);
  }

  @Mutation(() => Boolean, {
    description:
      'Email a link to choose a new password. Answers true whether or not the address has an account, so it tells nobody who is registered.',
  })
  @Public(AUTH_POLICY.requestPasswordReset)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth({ count: 'attempts', perEmail: true })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.passwords.requestReset(input.email);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Choose a new password through a reset link. Every session of the account ends; sign in again.',
  })
  @Public(AUTH_POLICY.followEmailedLink)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.passwords.reset(input);
    return true;
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Change your password. Every other session ends; this one goes on with the tokens returned.',
  })
  @Access('account', AUTH_POLICY.manageOwnAccount)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadModel> {
    return this.payload(await this.passwords.change(viewerOf(context), input), context);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Sign in with email and password.' })
  @Public(AUTH_POLICY.login)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth({ perEmail: true })
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.login(input), context);
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Exchange a refresh token for a new access and refresh token. Each refresh token works once.',
  })
  @Public(AUTH_POLICY.refreshToken)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async refreshToken(
    @Args('input') input: RefreshTokenInput,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.refresh(input.refreshToken), context);
  }

  @Mutation(() => Boolean, { description: 'End this session (by its refresh token) or every session.' })
  @Public(AUTH_POLICY.logout)
  async logout(
    @Args('input', { type: () => LogoutInput, nullable: true }) input: LogoutInput | null,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    await this.auth.logout(viewerOf(context), input?.refreshToken, input?.everywhere ?? false);
    return true;
  }

  @Query(() => AccountModel, { description: 'The signed-in account.' })
  @Access('account', AUTH_POLICY.me)
  async me(@Context() context: RequestContext): Promise<AccountModel> {
    const viewer = viewerOf(context);
    const account = await this.auth.account(viewer.accountId as string);
    if (!account) throw notFound('Your account');
    return toAccountModel(account, viewer.grants);
  }

  private async payload(session: Session, context: RequestContext): Promise<AuthPayloadModel> {
    return sessionPayload(session, await this.auth.viewerOf(session.account.id), context);
  }
}

function outcome(email: string, message: string): EmailAddressOutcomeModel {
  return Object.assign(new EmailAddressOutcomeModel(), { email, message });
}
