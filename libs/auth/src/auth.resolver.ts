import { UseInterceptors } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { notFound, Viewer, viewerOf, type RequestContext } from '@cohesion/common';
import { Access, Public } from './access/access.decorator.js';
import { toAccountModel } from './accounts/account.mapper.js';
import { AccountModel, AuthPayloadModel } from './accounts/account.model.js';
import { AUTH_POLICY } from './auth.policy.js';
import { AuthService, type Session } from './auth.service.js';
import { LoginInput, LogoutInput, RefreshTokenInput, RegisterInput } from './dto/auth.inputs.js';
import { AuthThrottleInterceptor, ThrottleAuth } from './throttling/auth-throttle.interceptor.js';

@Resolver(() => AccountModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel, { description: 'Create an account and practitioner profile, and sign in.' })
  @Public(AUTH_POLICY.register)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth({ count: 'attempts' })
  async register(@Args('input') input: RegisterInput, @Context() context: RequestContext): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.register(input), context);
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
  @Access('member', AUTH_POLICY.me)
  async me(@Context() context: RequestContext): Promise<AccountModel> {
    const viewer = viewerOf(context);
    const account = await this.auth.account(viewer.accountId as string);
    if (!account) throw notFound('Your account');
    return toAccountModel(account, viewer.grants);
  }

  /** The rest of this response (e.g. `account { practitioner }`) is answered as the newly signed-in person. */
  private async payload(session: Session, context: RequestContext): Promise<AuthPayloadModel> {
    const grants = await this.auth.grantsOf(session.account.id);
    context.req.viewer = Viewer.member(session.account.id, session.account.id, grants);
    return Object.assign(new AuthPayloadModel(), {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: session.refreshToken,
      refreshTokenExpiresAt: session.refreshTokenExpiresAt,
      account: toAccountModel(session.account, grants),
    });
  }
}
