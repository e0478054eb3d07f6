import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GrantApplication } from '../applications/application.model.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { AwardsService } from './awards.service.js';
import { CloseAwardInput, MarkPaymentPaidInput, SchedulePaymentInput } from './dto/payment.inputs.js';
import { PaymentsByAwardLoader } from './awards.loaders.js';
import { GrantPayment } from './payment.model.js';

@Resolver()
export class AwardsResolver {
  constructor(private readonly awards: AwardsService) {}

  @Mutation(() => [GrantPayment], {
    description: 'Schedule payment tranches on an award; with earlier ones they may never exceed the award.',
  })
  @Access('member', GRANTS_POLICY.runAward)
  schedulePayment(
    @Args('input') input: SchedulePaymentInput,
    @Context() context: RequestContext,
  ): Promise<GrantPayment[]> {
    return this.awards.schedule(viewerOf(context), input);
  }

  @Mutation(() => GrantPayment, { description: 'Record a scheduled tranche of an ACTIVE award as paid.' })
  @Access('member', GRANTS_POLICY.runAward)
  markPaymentPaid(
    @Args('input') input: MarkPaymentPaidInput,
    @Context() context: RequestContext,
  ): Promise<GrantPayment> {
    return this.awards.markPaid(viewerOf(context), input);
  }

  @Mutation(() => GrantApplication, {
    description: 'Close an ACTIVE award with its actual spend; what was never paid out returns to the fund.',
  })
  @Access('member', GRANTS_POLICY.runAward)
  closeAward(@Args('input') input: CloseAwardInput, @Context() context: RequestContext): Promise<GrantApplication> {
    return this.awards.close(viewerOf(context), input);
  }
}

/** An award's payments, on the application: the awards concept adds the field. */
@Resolver(() => GrantApplication)
export class ApplicationPaymentsResolver {
  constructor(private readonly paymentsLoader: PaymentsByAwardLoader) {}

  @ResolveField(() => [GrantPayment])
  payments(@Parent() application: GrantApplication, @Context() context: RequestContext): Promise<GrantPayment[]> {
    return context.loaders.get(this.paymentsLoader).load(application.applicationId);
  }
}
