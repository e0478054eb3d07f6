import { UseInterceptors } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '../access/access.decorator.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { DeleteMyAccountInput } from '../dto/auth.inputs.js';
import { AuthThrottleInterceptor, ThrottleAuth } from '../throttling/auth-throttle.interceptor.js';
import { AccountDeletionService } from './account-deletion.service.js';

@Resolver()
export class AccountDeletionResolver {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Mutation(() => Boolean, {
    description:
      'Delete your account: your profile, contact details, memberships, connections, introductions, blocks, ' +
      'notifications and sessions go at once; grant records you worked on stay, shown as by a "Former member". ' +
      'Needs your password. Cannot be undone; your address is free to register again.',
  })
  @Access('account', AUTH_POLICY.deleteOwnAccount)
  @UseInterceptors(AuthThrottleInterceptor)
  @ThrottleAuth()
  async deleteMyAccount(
    @Args('input', { type: () => DeleteMyAccountInput }) input: DeleteMyAccountInput,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    await this.deletion.deleteMyAccount(viewerOf(context), input);
    return true;
  }
}
