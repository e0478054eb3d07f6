import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { toGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '../access/access.decorator.js';
import { ACCOUNT_TYPE } from '../accounts/account.mapper.js';
import { AUTH_POLICY } from '../auth.policy.js';
import { LiftSuspensionArgs, SuspendAccountArgs } from './suspension.args.js';
import { AccountSuspensionModel } from './suspension.model.js';
import { AccountSuspensionService, type Suspension } from './suspension.service.js';

function toModel(suspension: Suspension): AccountSuspensionModel {
  return Object.assign(new AccountSuspensionModel(), {
    accountId: toGlobalId(ACCOUNT_TYPE, suspension.accountId),
    suspended: suspension.suspendedAt !== null,
    suspendedAt: suspension.suspendedAt,
  });
}

@Resolver()
export class AccountSuspensionResolver {
  constructor(private readonly suspensions: AccountSuspensionService) {}

  @Mutation(() => AccountSuspensionModel, {
    description:
      'Suspend an account: it cannot sign in, its sessions end and its profile leaves search and the network at once. ' +
      'The reason goes to the audit trail.',
  })
  @Access('admin', AUTH_POLICY.suspendAccount)
  async suspendAccount(
    @Args() args: SuspendAccountArgs,
    @Context() context: RequestContext,
  ): Promise<AccountSuspensionModel> {
    return toModel(await this.suspensions.suspend(viewerOf(context), args.accountId, args.reason));
  }

  @Mutation(() => AccountSuspensionModel, { description: 'Lift a suspension: the person can sign in again.' })
  @Access('admin', AUTH_POLICY.suspendAccount)
  async liftSuspension(
    @Args() args: LiftSuspensionArgs,
    @Context() context: RequestContext,
  ): Promise<AccountSuspensionModel> {
    return toModel(await this.suspensions.lift(viewerOf(context), args.accountId));
  }
}
