import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, notFound, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Organisation, OrganisationByIdLoader, organisationFor } from '@cohesion/directory';
import { GRANTS_POLICY } from '../grants.policy.js';
import { GrantApplication } from './application.model.js';
import { ApplicationsService } from './applications.service.js';
import { DecideApplicationInput, SubmitApplicationInput, WithdrawApplicationInput } from './dto/application.inputs.js';

@Resolver(() => GrantApplication)
export class ApplicationsResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly organisations: OrganisationByIdLoader,
  ) {}

  @Mutation(() => GrantApplication, {
    description:
      'Apply to an open round (or save a DRAFT). Submitting checks the round’s rules at once: the application goes ' +
      'to IN_ASSESSMENT, or to INELIGIBLE with the failing rule in ineligibleReason.',
  })
  @Access('member', GRANTS_POLICY.submitApplication)
  submitApplication(
    @Args('input') input: SubmitApplicationInput,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.applications.submit(viewerOf(context), input);
  }

  @Mutation(() => GrantApplication, { description: 'Submit a DRAFT application; the round’s rules are checked now.' })
  @Access('member', GRANTS_POLICY.manageApplication)
  submitDraftApplication(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.applications.submitDraft(viewerOf(context), fromGlobalId(id, 'GrantApplication', 'id'));
  }

  @Mutation(() => GrantApplication, {
    description:
      'Withdraw an application (DRAFT, SUBMITTED, IN_ASSESSMENT, or AWARDED before it starts: the budget returns).',
  })
  @Access('member', GRANTS_POLICY.manageApplication)
  withdrawApplication(
    @Args('input') input: WithdrawApplicationInput,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.applications.withdraw(viewerOf(context), input.applicationId, input.reason);
  }

  @Mutation(() => GrantApplication, {
    description: 'Award (in full or in part) or decline. An award that would take the fund over budget is refused.',
  })
  @Access('member', GRANTS_POLICY.decideApplication)
  decideApplication(
    @Args('input') input: DecideApplicationInput,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.applications.decide(viewerOf(context), input);
  }

  @Mutation(() => GrantApplication, { description: 'The grant agreement is in place: the award becomes ACTIVE.' })
  @Access('member', GRANTS_POLICY.runAward)
  activateAward(
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.applications.activate(
      viewerOf(context),
      fromGlobalId(applicationId, 'GrantApplication', 'applicationId'),
    );
  }

  @Query(() => GrantApplication, { description: 'An application or award.' })
  @Access('member', GRANTS_POLICY.viewApplication)
  async grantApplication(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    const [application] = await this.applications.visibleByIds(viewerOf(context), [
      fromGlobalId(id, 'GrantApplication', 'id'),
    ]);
    if (!application) throw notFound('That application');
    return application;
  }

  @ResolveField(() => Organisation, { nullable: true })
  applicant(@Parent() application: GrantApplication, @Context() context: RequestContext): Promise<Organisation | null> {
    return organisationFor(this.organisations, context, application.applicantOrganisationId);
  }
}
