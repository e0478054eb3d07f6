import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { allows, fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GrantApplication } from '../applications/application.model.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { AssessmentsByApplicationLoader } from './assessment.loaders.js';
import { Assessment, RoundPanel } from './assessment.model.js';
import { AssessmentService } from './assessment.service.js';
import { DeclareConflictInput, ScoreApplicationInput } from './dto/assessment.inputs.js';

/** Assessing applications: declarations of interest, scores, the panel, and the scores shown on an application. */
@Resolver(() => GrantApplication)
export class AssessmentResolver {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly assessmentsLoader: AssessmentsByApplicationLoader,
  ) {}

  @Mutation(() => GrantApplication, {
    description:
      'Declare, before scoring, whether you have a conflict of interest. With one you may not score or decide it.',
  })
  @Access('member', GRANTS_POLICY.declareConflict)
  declareConflictOfInterest(
    @Args('input') input: DeclareConflictInput,
    @Context() context: RequestContext,
  ): Promise<GrantApplication> {
    return this.assessment.declareConflict(viewerOf(context), input);
  }

  @Mutation(() => Assessment, {
    description: 'Score an application in assessment against the round’s criteria, each with a justification.',
  })
  @Access('member', GRANTS_POLICY.scoreApplication)
  scoreApplication(
    @Args('input') input: ScoreApplicationInput,
    @Context() context: RequestContext,
  ): Promise<Assessment> {
    return this.assessment.score(viewerOf(context), input);
  }

  @Query(() => RoundPanel, {
    description: 'The panel view: a round’s applications in assessment ranked by weighted score, against the budget.',
  })
  @Access('member', GRANTS_POLICY.viewRoundPanel)
  roundPanel(
    @Args('roundId', { type: () => ID }) roundId: string,
    @Context() context: RequestContext,
  ): Promise<RoundPanel> {
    return this.assessment.panel(viewerOf(context), fromGlobalId(roundId, 'GrantRound', 'roundId'));
  }

  @ResolveField(() => [Assessment], {
    description:
      'Each assessor’s scores; shown to the council’s grants officers only (empty for the applicant, and for an officer who declared a conflict of interest on it).',
  })
  async assessments(
    @Parent() application: GrantApplication,
    @Context() context: RequestContext,
  ): Promise<Assessment[]> {
    const council = { councilId: application.ownerOrganisationId };
    if (!allows(GRANTS_POLICY.viewAssessments, viewerOf(context), council)) return [];
    return context.loaders.get(this.assessmentsLoader).load(application.applicationId);
  }
}
