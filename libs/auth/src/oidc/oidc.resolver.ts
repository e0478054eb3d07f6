import { UseInterceptors } from '@nestjs/common';
import { Args, ArgsType, Context, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access, Public } from '../access/access.decorator.js';
import { AuthPayloadModel } from '../accounts/account.model.js';
import { sessionPayload } from '../accounts/session-payload.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { AuthService } from '../auth.service.js';
import { AuthThrottleInterceptor, ThrottleAuth } from '../throttling/auth-throttle.interceptor.js';
import { SignInConnectionModel, SignInLinkOutcomeModel } from './oidc-connection.model.js';
import { OidcConnectionsService } from './oidc-connections.service.js';
import { ConfigureSignInInput, ConfirmSignInLinkInput, LinkSignInInput } from './oidc.inputs.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

@ArgsType()
class CompleteSignInArgs {
  @Field({ description: 'The code from the sign-in callback’s answer.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  code: string;
}

@Resolver()
export class OidcResolver {
  constructor(
    private readonly connections: OidcConnectionsService,
    private readonly signIns: OidcSignInService,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => SignInConnectionModel, {
    description:
      'Set up (or change) how an organisation’s staff sign in with their identity provider. One per organisation and issuer.',
  })
  @Access('admin', AUTH_POLICY.configureSignIn)
  configureSignIn(
    @Args('input') input: ConfigureSignInInput,
    @Context() context: RequestContext,
  ): Promise<SignInConnectionModel> {
    return this.connections.configure(viewerOf(context), input);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a sign-in connection. Accounts that used it keep their passwords and links.',
  })
  @Access('admin', AUTH_POLICY.configureSignIn)
  removeSignIn(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<boolean> {
    return this.connections.remove(viewerOf(context), id);
  }

  @Query(() => [SignInConnectionModel], { description: 'How an organisation’s staff sign in, for its admins.' })
  @Access('member', AUTH_POLICY.seeSignIn)
  signInConnections(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Context() context: RequestContext,
  ): Promise<SignInConnectionModel[]> {
    return this.connections.ofOrganisation(viewerOf(context), organisationId);
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      'Exchange the one-time code a council sign-in handed back (outcome SIGNED_IN) for an access and refresh token. It works once, for a minute.',
  })
  @Public(AUTH_POLICY.completeSignIn)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async completeSignIn(
    @Args() args: CompleteSignInArgs,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadModel> {
    const session = await this.signIns.complete(args.code);
    return sessionPayload(session, await this.auth.viewerOf(session.account.id), context);
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      'Link a council sign-in waiting for an existing account (outcome LINK_REQUIRED) by giving that account’s password; signs in.',
  })
  @Public(AUTH_POLICY.linkSignIn)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async linkSignIn(
    @Args('input') input: LinkSignInInput,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadModel> {
    const session = await this.signIns.linkWithPassword(input);
    return sessionPayload(session, await this.auth.viewerOf(session.account.id), context);
  }

  @Mutation(() => SignInLinkOutcomeModel, {
    description:
      'Follow the link emailed when a council sign-in found an existing account: links it; the waiting sign-in can then be completed.',
  })
  @Public(AUTH_POLICY.followEmailedLink)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async confirmSignInLink(@Args('input') input: ConfirmSignInLinkInput): Promise<SignInLinkOutcomeModel> {
    const { email } = await this.signIns.linkWithEmailedLink(input.token);
    return {
      email,
      message: `Your organisation’s sign-in now opens the account of ${email}. Go back and continue signing in.`,
    };
  }
}
