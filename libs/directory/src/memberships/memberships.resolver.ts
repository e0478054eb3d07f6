import { Args, Context, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, Field } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { DIRECTORY_POLICY } from '../directory.policy.js';
import { Organisation } from '../organisations/organisation.model.js';
import { OrganisationByIdLoader } from '../organisations/organisations.loaders.js';
import { recordToOrganisation } from '../organisations/organisation.mapper.js';
import {
  AcceptInvitationInput,
  AddEmailDomainInput,
  ClaimMembershipInput,
  InvitationsArgs,
  InviteMemberInput,
  MembershipIdsInput,
  OrganisationMembershipsArgs,
  VerifyEmailDomainInput,
} from './dto/membership.inputs.js';
import { toEmailDomain, toInvitation, toMembership, today } from './membership.mapper.js';
import {
  Membership,
  MembershipClaimant,
  MembershipConnection,
  MembershipInvitation,
  MembershipInvitationConnection,
  OrganisationEmailDomain,
} from './membership.model.js';
import { MembershipClaimantLoader, OrganisationEmailDomainsLoader } from './memberships.loaders.js';
import { MembershipsService } from './memberships.service.js';

@ObjectType('EmailDomainVerification')
export class EmailDomainVerification {
  @Field(() => OrganisationEmailDomain)
  domain: OrganisationEmailDomain;

  @Field(() => Int, { description: 'Pending memberships from verified addresses on it, confirmed by this.' })
  membershipsConfirmed: number;
}

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly organisationById: OrganisationByIdLoader,
    private readonly claimants: MembershipClaimantLoader,
  ) {}

  @Mutation(() => Membership, {
    description:
      'Say you work at an organisation. Confirmed at once if your verified address is on one of its verified ' +
      'email domains (or you are its admin); otherwise pending until its admins confirm it.',
  })
  @Access('member', DIRECTORY_POLICY.claimMembership)
  async claimMembership(
    @Args('input') input: ClaimMembershipInput,
    @Context() context: RequestContext,
  ): Promise<Membership> {
    return toMembership(await this.memberships.claim(viewerOf(context), input), today());
  }

  @Mutation(() => Membership, { description: 'End a membership: your own, or (as its admin) one of your organisation’s.' })
  @Access('member', DIRECTORY_POLICY.endMembership)
  async endMembership(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Membership> {
    return toMembership(await this.memberships.end(viewerOf(context), fromGlobalId(id, 'Membership', 'id')), today());
  }

  @Mutation(() => [Membership], { description: 'Confirm pending memberships of organisations you administer.' })
  @Access('member', DIRECTORY_POLICY.reviewMemberships)
  async confirmMemberships(
    @Args('input') input: MembershipIdsInput,
    @Context() context: RequestContext,
  ): Promise<Membership[]> {
    const date = today();
    return (await this.memberships.decide(viewerOf(context), input.ids, 'CONFIRM')).map((row) => toMembership(row, date));
  }

  @Mutation(() => [Membership], { description: 'Decline pending memberships of organisations you administer.' })
  @Access('member', DIRECTORY_POLICY.reviewMemberships)
  async declineMemberships(
    @Args('input') input: MembershipIdsInput,
    @Context() context: RequestContext,
  ): Promise<Membership[]> {
    const date = today();
    return (await this.memberships.decide(viewerOf(context), input.ids, 'DECLINE')).map((row) => toMembership(row, date));
  }

  @Query(() => MembershipConnection, { description: 'People waiting for your organisation to confirm they work there, oldest first.' })
  @Access('member', DIRECTORY_POLICY.reviewMemberships)
  async pendingMemberships(
    @Args() args: OrganisationMembershipsArgs,
    @Context() context: RequestContext,
  ): Promise<MembershipConnection> {
    return this.memberships.pending(viewerOf(context), args.organisationId, args);
  }

  @Mutation(() => MembershipInvitation, {
    description: 'Invite someone by email to join as a member of your organisation; the link confirms them at once.',
  })
  @Access('member', DIRECTORY_POLICY.inviteMembers)
  async inviteMember(
    @Args('input') input: InviteMemberInput,
    @Context() context: RequestContext,
  ): Promise<MembershipInvitation> {
    return toInvitation(await this.memberships.invite(viewerOf(context), input), new Date());
  }

  @Mutation(() => MembershipInvitation, { description: 'Withdraw an invitation that has not been accepted.' })
  @Access('member', DIRECTORY_POLICY.inviteMembers)
  async revokeInvitation(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<MembershipInvitation> {
    const row = await this.memberships.revokeInvitation(viewerOf(context), fromGlobalId(id, 'MembershipInvitation', 'id'));
    return toInvitation(row, new Date());
  }

  @Query(() => MembershipInvitationConnection, { description: 'Your organisation’s invitations, newest first.' })
  @Access('member', DIRECTORY_POLICY.inviteMembers)
  async membershipInvitations(
    @Args() args: InvitationsArgs,
    @Context() context: RequestContext,
  ): Promise<MembershipInvitationConnection> {
    return this.memberships.invitations(viewerOf(context), args.organisationId, args.openOnly, args);
  }

  @Mutation(() => Membership, {
    description:
      'Accept an invitation sent to your address (signed in with it, verified or not): your address counts as ' +
      'verified and the membership is confirmed.',
  })
  @Access('account', DIRECTORY_POLICY.acceptInvitation)
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Context() context: RequestContext,
  ): Promise<Membership> {
    return toMembership(await this.memberships.acceptInvitation(viewerOf(context), input.token), today());
  }

  @Mutation(() => OrganisationEmailDomain, {
    description: 'Declare an email domain your organisation’s staff use; a platform admin verifies it.',
  })
  @Access('member', DIRECTORY_POLICY.manageEmailDomains)
  async addEmailDomain(
    @Args('input') input: AddEmailDomainInput,
    @Context() context: RequestContext,
  ): Promise<OrganisationEmailDomain> {
    return toEmailDomain(await this.memberships.addDomain(viewerOf(context), input.organisationId, input.domain));
  }

  @Mutation(() => EmailDomainVerification, { description: 'Verify (or withdraw) an organisation’s email domain.' })
  @Access('admin', DIRECTORY_POLICY.verifyEmailDomain)
  async verifyEmailDomain(
    @Args('input') input: VerifyEmailDomainInput,
    @Context() context: RequestContext,
  ): Promise<EmailDomainVerification> {
    const result = await this.memberships.verifyDomain(viewerOf(context), input.id, input.verified);
    return Object.assign(new EmailDomainVerification(), {
      domain: toEmailDomain(result.domain),
      membershipsConfirmed: result.confirmed,
    });
  }

  @Mutation(() => Boolean, { description: 'Remove one of your organisation’s email domains.' })
  @Access('member', DIRECTORY_POLICY.manageEmailDomains)
  removeEmailDomain(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<boolean> {
    return this.memberships.removeDomain(viewerOf(context), fromGlobalId(id, 'OrganisationEmailDomain', 'id'));
  }

  @ResolveField(() => Organisation, { nullable: true })
  async organisation(@Parent() membership: Membership, @Context() context: RequestContext): Promise<Organisation | null> {
    const record = await context.loaders.get(this.organisationById).load(membership.organisationId);
    return record ? recordToOrganisation(record) : null;
  }

  @ResolveField(() => MembershipClaimant, {
    nullable: true,
    description: 'Who claims it: for the organisation’s admins only (null for anyone else).',
  })
  async claimant(@Parent() membership: Membership, @Context() context: RequestContext): Promise<MembershipClaimant | null> {
    const row = await context.loaders.get(this.claimants).load(membership);
    return row ? Object.assign(new MembershipClaimant(), row) : null;
  }
}

@Resolver(() => MembershipInvitation)
export class MembershipInvitationResolver {
  constructor(private readonly organisationById: OrganisationByIdLoader) {}

  @ResolveField(() => Organisation, { nullable: true })
  async organisation(
    @Parent() invitation: MembershipInvitation,
    @Context() context: RequestContext,
  ): Promise<Organisation | null> {
    const record = await context.loaders.get(this.organisationById).load(invitation.organisationId);
    return record ? recordToOrganisation(record) : null;
  }
}

@Resolver(() => Organisation)
export class OrganisationEmailDomainsResolver {
  constructor(private readonly domains: OrganisationEmailDomainsLoader) {}

  @ResolveField(() => [OrganisationEmailDomain], {
    description: 'Email domains its staff use: the verified ones, and (to its admins) those awaiting verification.',
  })
  async emailDomains(
    @Parent() organisation: Organisation,
    @Context() context: RequestContext,
  ): Promise<OrganisationEmailDomain[]> {
    return (await context.loaders.get(this.domains).load(organisation.organisationId)).map(toEmailDomain);
  }
}
