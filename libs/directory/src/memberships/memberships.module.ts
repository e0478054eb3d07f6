import { Module, type OnModuleInit } from '@nestjs/common';
import { BackgroundTasks, NodeRegistry, viewerOf } from '@cohesion/common';
import { OrganisationByIdLoader } from '../organisations/organisations.loaders.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { EMAIL_DOMAIN_TYPE, INVITATION_TYPE, MEMBERSHIP_TYPE, toEmailDomain, toInvitation, toMembership, today } from './membership.mapper.js';
import {
  MembershipClaimantLoader,
  MembershipHistoryLoader,
  OrganisationEmailDomainsLoader,
  PractitionerMembershipsLoader,
} from './memberships.loaders.js';
import {
  MembershipInvitationResolver,
  MembershipsResolver,
  OrganisationEmailDomainsResolver,
} from './memberships.resolver.js';
import { MembershipsService } from './memberships.service.js';
import { MemberStandingTask } from './member-standing.task.js';

/** Who works where, as organisations confirm it; their email domains and invitations. */
@Module({
  imports: [OrganisationsModule],
  providers: [
    MembershipsService,
    PractitionerMembershipsLoader,
    MembershipHistoryLoader,
    MembershipClaimantLoader,
    OrganisationEmailDomainsLoader,
    MembershipsResolver,
    MembershipInvitationResolver,
    OrganisationEmailDomainsResolver,
    MemberStandingTask,
  ],
  exports: [MembershipsService, PractitionerMembershipsLoader, MembershipHistoryLoader],
})
export class MembershipsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly tasks: BackgroundTasks,
    private readonly memberships: MembershipsService,
    private readonly organisationById: OrganisationByIdLoader,
    private readonly standing: MemberStandingTask,
  ) {}

  onModuleInit(): void {
    this.tasks.register(this.standing);
    this.nodes.register(MEMBERSHIP_TYPE, async (id, context) => {
      const row = await this.memberships.membershipFor(viewerOf(context), id);
      return row ? toMembership(row, today()) : null;
    });
    this.nodes.register(EMAIL_DOMAIN_TYPE, async (id, context) => {
      const row = await this.memberships.emailDomainFor(viewerOf(context), id);
      const organisation = row && (await context.loaders.get(this.organisationById).load(row.organisationId));
      return row && organisation ? toEmailDomain(row) : null;
    });
    this.nodes.register(INVITATION_TYPE, async (id, context) => {
      const row = await this.memberships.invitationFor(viewerOf(context), id);
      return row ? toInvitation(row, new Date()) : null;
    });
  }
}
