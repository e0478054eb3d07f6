import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  conflict,
  enforce,
  notFound,
  type ConnectionShape,
  type Viewer,
} from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { hashToken, markAddressProven, normaliseEmail, type VouchedBy } from '@cohesion/auth';
import { NotificationsService } from '@cohesion/notifications';
import { DIRECTORY_POLICY } from '../directory.policy.js';
import type { MembershipInput } from './dto/membership.inputs.js';
import { addressOnDomain, normaliseEmailDomain } from './email-domains.js';
import {
  deleteEmailDomain,
  emailDomainById,
  domainsOfOrganisations,
  insertEmailDomain,
  lockEmailDomain,
  setEmailDomainVerified,
  unverifiedEmailDomains,
  verifiedDomainsOf,
  type EmailDomainRow,
  type PendingEmailDomainRow,
} from './email-domain.queries.js';
import { INVITATION_NOT_VALID, invitationState, nextInvitationStatus } from './invitation.state-machine.js';
import {
  invitationById,
  invitationPage,
  lockInvitation,
  lockInvitationByToken,
  replaceInvitation,
  setInvitationStatus,
  type InvitationRow,
} from './invitation.queries.js';
import { toInvitation, toMembership, today } from './membership.mapper.js';
import type { Membership, MembershipInvitation } from './membership.model.js';
import { MEMBERSHIP_NOTICES, invitationEmail } from './membership.notices.js';
import {
  accountAddress,
  claimantsOf,
  lockPractitioner,
  decideMemberships,
  describeMembership,
  endMembership,
  insertMembership,
  lockMemberships,
  membershipsByIds,
  membershipsOfPractitioners,
  openMembershipsAt,
  organisationAdmins,
  organisationNamed,
  pendingClaimsWithAddresses,
  pendingMembershipPage,
  type ClaimantRow,
  type MembershipRow,
} from './membership.queries.js';
import { refreshStanding } from '../shared/membership-standing.queries.js';
import { nextMembershipStatus, type ConfirmationRoute, type MembershipActor } from './membership.state-machine.js';

/** Which person's membership of which organisation. */
export type MembershipFacts = Pick<MembershipRow, 'practitionerId' | 'organisationId'>;

/** Memberships of practitioners, as a person's claim and the organisation's word on it. */
type Claim = MembershipInput;

function describe(claim: Claim) {
  return {
    role: claim.role || null,
    team: claim.team || null,
    startDate: claim.startDate ?? null,
    endDate: claim.endDate ?? null,
  };
}

/** The audit's picture of a membership: what it says and where it stands, nothing else of the person. */
function snapshot(row: Pick<MembershipRow, 'organisationId' | 'practitionerId' | 'status' | 'role' | 'team'>) {
  return {
    practitionerId: row.practitionerId,
    organisationId: row.organisationId,
    status: row.status,
    role: row.role,
    team: row.team,
  };
}

/**
 * Who works where, as the organisations confirm it: claims, their confirmation (by the
 * organisation's admins, a verified email domain, an invitation or council sign-in), their
 * end, and the verified-member standing that follows from them. Every change refreshes the
 * standing of the people it touches in its own transaction.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** Open memberships of each person (or with history, for their own view), current first. */
  membershipsOf(practitionerIds: readonly string[], withHistory: boolean): Promise<MembershipRow[]> {
    return membershipsOfPractitioners(this.dataSource, practitionerIds, withHistory);
  }

  /** Brings the verified-member flag of the given people (everyone, when undefined) up to date. */
  async refreshStanding(db: EntityManager | DataSource, ids: readonly string[] | undefined): Promise<number> {
    if (ids && ids.length === 0) return 0;
    return (await refreshStanding(db, ids)).length;
  }

  /**
   * The viewer says they work at an organisation. Confirmed at once when their verified
   * address is on one of its verified domains or they are one of its admins; otherwise
   * pending, and its admins are told.
   */
  async claim(viewer: Viewer, claim: Claim, field = 'input'): Promise<MembershipRow> {
    enforce(DIRECTORY_POLICY.claimMembership, viewer, undefined);
    return this.dataSource.transaction(async (manager) => {
      // One claim at a time per person: the check for an open one below cannot race.
      await lockPractitioner(manager, viewer.practitionerId as string);
      const open = await openMembershipsAt(manager, viewer.practitionerId as string, claim.organisationId);
      if (open.length > 0) {
        const organisation = await organisationNamed(manager, claim.organisationId);
        throw conflict(`You already have a ${open[0].status.toLowerCase()} membership of ${organisation?.name}`);
      }
      return this.claimIn(manager, viewer, claim, field);
    });
  }

  /** A new claim, in the caller's transaction, which holds the person's row locked. */
  private async claimIn(manager: EntityManager, viewer: Viewer, claim: Claim, field: string): Promise<MembershipRow> {
    const practitionerId = viewer.practitionerId as string;
    const organisation = await organisationNamed(manager, claim.organisationId);
    if (!organisation) throw badInput(`${field}.organisationId`, 'is not a known organisation');
    if (claim.startDate && claim.endDate && claim.endDate < claim.startDate) {
      throw badInput(`${field}.endDate`, 'must not be before startDate');
    }
    const route = await this.confirmationRoute(manager, viewer, claim.organisationId);
    const row = await insertMembership(manager, {
      practitionerId,
      organisationId: claim.organisationId,
      ...describe(claim),
      status: route ? 'CONFIRMED' : 'PENDING',
      confirmedVia: route,
      decidedBy: route === 'ORG_ADMIN' ? viewer.accountId : null,
    });
    await this.audit.record(manager, viewer, {
      entityType: 'Membership',
      entityId: row.id,
      action: route ? 'claim-confirmed' : 'claim',
      before: null,
      after: { ...snapshot(row), confirmedVia: route },
    });
    if (route) {
      await refreshStanding(manager, [practitionerId]);
    } else {
      const [claimant] = await claimantsOf(manager, [practitionerId]);
      const admins = await organisationAdmins(manager, claim.organisationId);
      await this.notifications.queue(
        manager,
        admins.map((adminId) =>
          MEMBERSHIP_NOTICES.claimed(adminId, {
            practitionerId,
            name: claimant.fullName,
            organisationId: organisation.id,
            organisation: organisation.name,
          }),
        ),
      );
    }
    return row;
  }

  /** How a new claim is confirmed at once, if it is: an admin's own claim, or a verified address on a verified domain. */
  private async confirmationRoute(
    manager: EntityManager,
    viewer: Viewer,
    organisationId: string,
  ): Promise<ConfirmationRoute | null> {
    if (DIRECTORY_POLICY.reviewMemberships.allows(viewer, { organisationId })) return 'ORG_ADMIN';
    const address = await accountAddress(manager, viewer.accountId as string);
    if (!address?.verified) return null;
    const domains = await verifiedDomainsOf(manager, organisationId);
    return domains.some((domain) => addressOnDomain(address.email, domain)) ? 'EMAIL_DOMAIN' : null;
  }

  /**
   * `updateMyProfile`'s list of where the viewer works, in the caller's transaction (which
   * holds their profile locked). Each entry keeps an open membership of its organisation
   * (the one with the same role and start first), updating what it says; an entry with
   * none left to keep is a new claim; open memberships no entry kept end.
   */
  async reconcile(manager: EntityManager, viewer: Viewer, claims: Claim[]): Promise<void> {
    claims.forEach((claim, index) => {
      if (claim.startDate && claim.endDate && claim.endDate < claim.startDate) {
        throw badInput(`input.memberships[${index}].endDate`, 'must not be before startDate');
      }
    });
    const practitionerId = viewer.practitionerId as string;
    const open = await membershipsOfPractitioners(manager, [practitionerId], false);
    const kept = new Map<number, MembershipRow>();
    const sameAs = (row: MembershipRow, claim: Claim) =>
      row.organisationId === claim.organisationId &&
      (row.role ?? null) === (claim.role || null) &&
      (row.startDate ?? null) === (claim.startDate ?? null);
    const take = (index: number, matches: (row: MembershipRow) => boolean) => {
      const row = open.find((candidate) => ![...kept.values()].includes(candidate) && matches(candidate));
      if (row) kept.set(index, row);
    };
    claims.forEach((claim, index) => take(index, (row) => sameAs(row, claim)));
    claims.forEach((claim, index) => {
      if (!kept.has(index)) take(index, (row) => row.organisationId === claim.organisationId);
    });
    for (const [index, claim] of claims.entries()) {
      const row = kept.get(index);
      if (row) {
        await describeMembership(manager, row.id, describe(claim));
      } else {
        enforce(DIRECTORY_POLICY.claimMembership, viewer, undefined);
        await this.claimIn(manager, viewer, claim, `input.memberships[${index}]`);
      }
    }
    const ended = open.filter((row) => ![...kept.values()].includes(row));
    for (const row of ended) await this.endIn(manager, viewer, row, 'MEMBER');
    await refreshStanding(manager, [practitionerId]);
  }

  /** Pending claims to an organisation, oldest first, for its admins. */
  pending(
    viewer: Viewer,
    organisationId: string,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Membership>> {
    enforce(DIRECTORY_POLICY.reviewMemberships, viewer, { organisationId });
    const date = today();
    return pendingMembershipPage(this.dataSource, organisationId, page, (row) => toMembership(row, date));
  }

  /**
   * Confirms or declines pending claims, all or none: each must be pending and of an
   * organisation the viewer administers (otherwise it answers as one that does not exist).
   */
  async decide(viewer: Viewer, ids: string[], decision: 'CONFIRM' | 'DECLINE'): Promise<MembershipRow[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await lockMemberships(manager, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const ordered = ids.map((id, index) => {
        const row = byId.get(id);
        if (!row || !DIRECTORY_POLICY.reviewMemberships.allows(viewer, row)) {
          throw notFound(`Membership input.ids[${index}]`);
        }
        try {
          nextMembershipStatus(row.status, decision, 'ORGANISATION');
        } catch (error) {
          throw conflict(`input.ids[${index}]: ${(error as Error).message}`);
        }
        return row;
      });
      const unique = [...new Set(ids)];
      const confirmed = decision === 'CONFIRM';
      await decideMemberships(
        manager,
        unique,
        confirmed ? 'CONFIRMED' : 'DECLINED',
        confirmed ? 'ORG_ADMIN' : null,
        viewer.accountId,
      );
      const names = new Map<string, string>();
      for (const row of ordered) {
        if (!names.has(row.organisationId)) {
          names.set(row.organisationId, (await organisationNamed(manager, row.organisationId))?.name ?? '');
        }
      }
      for (const id of unique) {
        const row = byId.get(id) as MembershipRow;
        await this.audit.record(manager, viewer, {
          entityType: 'Membership',
          entityId: row.id,
          action: confirmed ? 'confirm' : 'decline',
          before: snapshot(row),
          after: { ...snapshot(row), status: confirmed ? 'CONFIRMED' : 'DECLINED' },
        });
      }
      await this.notifications.queue(
        manager,
        unique.map((id) => {
          const row = byId.get(id) as MembershipRow;
          return MEMBERSHIP_NOTICES.decided(
            { practitionerId: row.practitionerId, organisation: names.get(row.organisationId) ?? '' },
            confirmed,
          );
        }),
      );
      await refreshStanding(manager, [...new Set(ordered.map((row) => row.practitionerId))]);
      return lockMemberships(manager, unique);
    });
  }

  /** Ends a pending or confirmed membership: by its person, or by the organisation's admins (who tell them). */
  async end(viewer: Viewer, id: string): Promise<MembershipRow> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await lockMemberships(manager, [id]);
      if (!row) throw notFound('That membership');
      enforce(DIRECTORY_POLICY.endMembership, viewer, row);
      const actor: MembershipActor = viewer.isPractitioner(row.practitionerId) ? 'MEMBER' : 'ORGANISATION';
      await this.endIn(manager, viewer, row, actor);
      if (actor === 'ORGANISATION') {
        const organisation = await organisationNamed(manager, row.organisationId);
        await this.notifications.queue(manager, [
          MEMBERSHIP_NOTICES.endedByOrganisation({
            practitionerId: row.practitionerId,
            organisation: organisation?.name ?? '',
          }),
        ]);
      }
      await refreshStanding(manager, [row.practitionerId]);
      const [ended] = await lockMemberships(manager, [id]);
      return ended;
    });
  }

  private async endIn(
    manager: EntityManager,
    viewer: Viewer,
    row: MembershipRow,
    actor: MembershipActor,
  ): Promise<void> {
    nextMembershipStatus(row.status, 'END', actor);
    await endMembership(manager, row.id, viewer.accountId);
    await this.audit.record(manager, viewer, {
      entityType: 'Membership',
      entityId: row.id,
      action: 'end',
      before: snapshot(row),
      after: { ...snapshot(row), status: 'ENDED' },
    });
  }

  /**
   * The organisation vouched for the person without an admin deciding (council sign-in on
   * its domain, an invitation): their pending claim is confirmed, or a confirmed membership
   * is created, and their standing refreshed. A membership already confirmed stays as it is.
   */
  async confirmVouched(
    manager: EntityManager,
    practitionerId: string,
    organisationId: string,
    via: VouchedBy,
    describeAs: { role: string | null; team: string | null } = { role: null, team: null },
  ): Promise<MembershipRow> {
    const open = await openMembershipsAt(manager, practitionerId, organisationId);
    const confirmed = open.find((row) => row.status === 'CONFIRMED');
    let row = confirmed;
    if (!row) {
      const pending = open.find((candidate) => candidate.status === 'PENDING');
      if (pending) {
        await decideMemberships(manager, [pending.id], 'CONFIRMED', via, null);
        [row] = await lockMemberships(manager, [pending.id]);
      } else {
        row = await insertMembership(manager, {
          practitionerId,
          organisationId,
          role: describeAs.role,
          team: describeAs.team,
          startDate: null,
          endDate: null,
          status: 'CONFIRMED',
          confirmedVia: via,
          decidedBy: null,
        });
      }
      await this.audit.record(manager, null, {
        entityType: 'Membership',
        entityId: row.id,
        action: 'confirm',
        before: pending ? snapshot(pending) : null,
        after: { ...snapshot(row), confirmedVia: via },
      });
    }
    await refreshStanding(manager, [practitionerId]);
    return row;
  }

  // ---- Email domains ----

  /** Each organisation's email domains the viewer may see (verified ones; all to its admins). */
  async domainsOf(viewer: Viewer, organisationIds: readonly string[]): Promise<EmailDomainRow[]> {
    const manages = organisationIds.some((organisationId) =>
      DIRECTORY_POLICY.manageEmailDomains.allows(viewer, { organisationId }),
    );
    const rows = await domainsOfOrganisations(this.dataSource, organisationIds, manages);
    return rows.filter((row) =>
      DIRECTORY_POLICY.seeEmailDomain.allows(viewer, {
        organisationId: row.organisationId,
        verified: row.verifiedAt !== null,
      }),
    );
  }

  /** Email domains awaiting a platform admin's check, oldest first (at most `limit`): platform admins only. */
  domainsAwaitingVerification(viewer: Viewer, limit = 100): Promise<PendingEmailDomainRow[]> {
    enforce(DIRECTORY_POLICY.verifyEmailDomain, viewer, undefined);
    return unverifiedEmailDomains(this.dataSource, limit);
  }

  verifiedDomains(manager: EntityManager, organisationId: string): Promise<string[]> {
    return verifiedDomainsOf(manager, organisationId);
  }

  /** An organisation's admins declare a domain its staff use; a platform admin then verifies it. */
  async addDomain(viewer: Viewer, organisationId: string, input: string): Promise<EmailDomainRow> {
    enforce(DIRECTORY_POLICY.manageEmailDomains, viewer, { organisationId });
    const domain = normaliseEmailDomain(input, 'input.domain');
    return this.dataSource.transaction(async (manager) => {
      if (!(await organisationNamed(manager, organisationId))) throw notFound('That organisation');
      const row = await insertEmailDomain(manager, organisationId, domain, viewer.accountId);
      if (!row) throw conflict(`${domain} is already one of this organisation’s domains`);
      await this.audit.record(manager, viewer, {
        entityType: 'OrganisationEmailDomain',
        entityId: row.id,
        action: 'add',
        before: null,
        after: { organisationId, domain },
      });
      return row;
    });
  }

  /**
   * A platform admin verifies (or withdraws) a domain. Verifying confirms at once the
   * pending claims to the organisation from verified addresses on it. Withdrawing confirms
   * nobody new and ends nothing already confirmed.
   */
  async verifyDomain(
    viewer: Viewer,
    id: string,
    verified: boolean,
  ): Promise<{ domain: EmailDomainRow; confirmed: number }> {
    enforce(DIRECTORY_POLICY.verifyEmailDomain, viewer, undefined);
    return this.dataSource.transaction(async (manager) => {
      const current = await lockEmailDomain(manager, id);
      if (!current) throw notFound('That email domain');
      const row = await setEmailDomainVerified(manager, id, verified ? viewer.accountId : null);
      await this.audit.record(manager, viewer, {
        entityType: 'OrganisationEmailDomain',
        entityId: id,
        action: verified ? 'verify' : 'unverify',
        before: { domain: current.domain, verified: current.verifiedAt !== null },
        after: { domain: row.domain, verified },
      });
      const confirmed = verified ? await this.confirmPendingOnDomain(manager, row) : 0;
      return { domain: row, confirmed };
    });
  }

  private async confirmPendingOnDomain(manager: EntityManager, domain: EmailDomainRow): Promise<number> {
    const pending = await pendingClaimsWithAddresses(manager, domain.organisationId);
    const onDomain = pending.filter((row) => row.emailVerified && addressOnDomain(row.email, domain.domain));
    if (onDomain.length === 0) return 0;
    await decideMemberships(
      manager,
      onDomain.map((row) => row.id),
      'CONFIRMED',
      'EMAIL_DOMAIN',
      null,
    );
    const organisation = await organisationNamed(manager, domain.organisationId);
    for (const row of onDomain) {
      await this.audit.record(manager, null, {
        entityType: 'Membership',
        entityId: row.id,
        action: 'confirm',
        before: snapshot(row),
        after: { ...snapshot(row), status: 'CONFIRMED', confirmedVia: 'EMAIL_DOMAIN' },
      });
    }
    await this.notifications.queue(
      manager,
      onDomain.map((row) =>
        MEMBERSHIP_NOTICES.decided(
          { practitionerId: row.practitionerId, organisation: organisation?.name ?? '' },
          true,
        ),
      ),
    );
    await refreshStanding(
      manager,
      onDomain.map((row) => row.practitionerId),
    );
    return onDomain.length;
  }

  async removeDomain(viewer: Viewer, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockEmailDomain(manager, id);
      if (!current || !DIRECTORY_POLICY.manageEmailDomains.allows(viewer, current)) throw notFound('That email domain');
      await deleteEmailDomain(manager, id);
      await this.audit.record(manager, viewer, {
        entityType: 'OrganisationEmailDomain',
        entityId: id,
        action: 'remove',
        before: { organisationId: current.organisationId, domain: current.domain },
        after: null,
      });
      return true;
    });
  }

  // ---- Invitations ----

  /** An organisation's admins invite an address; a newer invitation to it replaces the open one. */
  async invite(
    viewer: Viewer,
    input: { organisationId: string; email: string; role?: string | null; team?: string | null },
  ): Promise<InvitationRow> {
    enforce(DIRECTORY_POLICY.inviteMembers, viewer, { organisationId: input.organisationId });
    const email = normaliseEmail(input.email);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await organisationNamed(manager, input.organisationId);
      if (!organisation) throw notFound('That organisation');
      const token = randomBytes(32).toString('base64url');
      const days = this.config.membershipInvitationTtlDays;
      const row = await replaceInvitation(manager, {
        organisationId: organisation.id,
        email,
        role: input.role || null,
        team: input.team || null,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + days * 86_400_000),
        invitedBy: viewer.accountId,
      });
      const [inviter] = await claimantsOf(manager, [viewer.accountId as string]);
      await this.notifications.emailAddress(
        manager,
        invitationEmail({
          to: email,
          organisation: organisation.name,
          inviter: inviter?.fullName ?? organisation.name,
          link: `${this.config.publicUrl.replace(/\/$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`,
          days,
        }),
      );
      await this.audit.record(manager, viewer, {
        entityType: 'MembershipInvitation',
        entityId: row.id,
        action: 'invite',
        before: null,
        after: { organisationId: organisation.id, email, role: row.role, team: row.team },
      });
      return row;
    });
  }

  invitations(
    viewer: Viewer,
    organisationId: string,
    openOnly: boolean,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<MembershipInvitation>> {
    enforce(DIRECTORY_POLICY.inviteMembers, viewer, { organisationId });
    const now = new Date();
    return invitationPage(this.dataSource, organisationId, openOnly, page, (row) => toInvitation(row, now));
  }

  async revokeInvitation(viewer: Viewer, id: string): Promise<InvitationRow> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockInvitation(manager, id);
      if (!row || !DIRECTORY_POLICY.inviteMembers.allows(viewer, row)) throw notFound('That invitation');
      const status = nextInvitationStatus(invitationState(row, new Date()), 'REVOKE');
      await setInvitationStatus(manager, id, status, null);
      await this.audit.record(manager, viewer, {
        entityType: 'MembershipInvitation',
        entityId: id,
        action: 'revoke',
        before: { status: row.status },
        after: { status },
      });
      return (await lockInvitation(manager, id)) as InvitationRow;
    });
  }

  /**
   * The signed-in person follows an invitation sent to their address: following it proves
   * the address (verified now, if it was not), and the membership is confirmed in the same
   * transaction. Any link that does not work gets the same answer.
   */
  async acceptInvitation(viewer: Viewer, token: string): Promise<MembershipRow> {
    return this.dataSource.transaction((manager) =>
      this.acceptInvitationIn(manager, viewer.accountId as string, token, viewer),
    );
  }

  /** A registration's invitation must work and have been sent to the address registering. */
  async checkInvitation(manager: EntityManager, token: string, email: string): Promise<void> {
    const invitation = await lockInvitationByToken(manager, hashToken(token));
    if (!invitation || invitationState(invitation, new Date()) !== 'PENDING' || invitation.email !== email) {
      throw badInput('input.invitationToken', INVITATION_NOT_VALID);
    }
  }

  /**
   * Accepts an invitation for the account, in the caller's transaction: signed in (`viewer`),
   * or registering with it (`viewer` null, in the registration's transaction).
   */
  async acceptInvitationIn(
    manager: EntityManager,
    accountId: string,
    token: string,
    viewer: Viewer | null,
  ): Promise<MembershipRow> {
    const field = viewer ? 'input.token' : 'input.invitationToken';
    const invitation = await lockInvitationByToken(manager, hashToken(token));
    if (!invitation || invitationState(invitation, new Date()) !== 'PENDING')
      throw badInput(field, INVITATION_NOT_VALID);
    const address = await accountAddress(manager, accountId);
    const sentToViewer = address?.email === invitation.email;
    if (viewer) enforce(DIRECTORY_POLICY.acceptInvitation, viewer, { sentToViewer });
    else if (!sentToViewer) throw badInput(field, INVITATION_NOT_VALID);
    await setInvitationStatus(manager, invitation.id, nextInvitationStatus('PENDING', 'ACCEPT'), accountId);
    await markAddressProven(manager, accountId);
    const row = await this.confirmVouched(manager, accountId, invitation.organisationId, 'INVITATION', invitation);
    await this.audit.record(manager, viewer, {
      entityType: 'MembershipInvitation',
      entityId: invitation.id,
      action: 'accept',
      before: { status: 'PENDING' },
      after: { status: 'ACCEPTED', membershipId: row.id },
    });
    if (invitation.invitedBy && invitation.invitedBy !== accountId) {
      const [person] = await claimantsOf(manager, [accountId]);
      const organisation = await organisationNamed(manager, invitation.organisationId);
      await this.notifications.queue(manager, [
        MEMBERSHIP_NOTICES.invitationAccepted(invitation.invitedBy, {
          practitionerId: accountId,
          name: person.fullName,
          organisation: organisation?.name ?? '',
        }),
      ]);
    }
    return row;
  }

  // ---- By id (node) ----

  /** A membership, to its person and the organisation's admins only. */
  async membershipFor(viewer: Viewer, id: string): Promise<MembershipRow | undefined> {
    const [row] = await membershipsByIds(this.dataSource, [id]);
    const facts = row && { ...row, open: false, profileVisible: false };
    return facts && DIRECTORY_POLICY.seeMembership.allows(viewer, facts) ? row : undefined;
  }

  /** A domain the viewer may see (the organisation's own visibility is the caller's to apply). */
  async emailDomainFor(viewer: Viewer, id: string): Promise<EmailDomainRow | undefined> {
    const row = await emailDomainById(this.dataSource, id);
    const facts = row && { organisationId: row.organisationId, verified: row.verifiedAt !== null };
    return facts && DIRECTORY_POLICY.seeEmailDomain.allows(viewer, facts) ? row : undefined;
  }

  async invitationFor(viewer: Viewer, id: string): Promise<InvitationRow | undefined> {
    const row = await invitationById(this.dataSource, id);
    return row && DIRECTORY_POLICY.inviteMembers.allows(viewer, row) ? row : undefined;
  }

  // ---- For the organisation's admins ----

  async claimants(viewer: Viewer, rows: readonly MembershipFacts[]): Promise<Map<string, ClaimantRow>> {
    const visible = rows.filter((row) => DIRECTORY_POLICY.reviewMemberships.allows(viewer, row));
    if (visible.length === 0) return new Map();
    const claimants = await claimantsOf(this.dataSource, [...new Set(visible.map((row) => row.practitionerId))]);
    return new Map(claimants.map((claimant) => [claimant.id, claimant]));
  }
}
