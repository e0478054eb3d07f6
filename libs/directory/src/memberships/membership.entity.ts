import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CONFIRMATION_ROUTES, MEMBERSHIP_STATUSES, type ConfirmationRoute, type MembershipStatus } from './membership.state-machine.js';
import { INVITATION_STATUSES, type InvitationStatus } from './invitation.state-machine.js';

const inList = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * Works at: a practitioner's role in an organisation, with dates. Claimed by the person
 * (PENDING) and confirmed by the organisation (its admins, an invitation, a verified email
 * domain, or council sign-in); only confirmed memberships place a person at an organisation.
 * Declined and ended ones stay as the person's history.
 */
@Entity('practitioner_memberships')
@Check('ck_practitioner_memberships_dates', `"end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"`)
@Check('ck_practitioner_memberships_status', inList('status', MEMBERSHIP_STATUSES))
@Check(
  'ck_practitioner_memberships_confirmed_via',
  `("status" = 'PENDING' AND "confirmed_via" IS NULL) OR "status" <> 'PENDING'`,
)
@Check('ck_practitioner_memberships_route', `"confirmed_via" IS NULL OR ${inList('confirmed_via', CONFIRMATION_ROUTES)}`)
@Index('idx_practitioner_memberships_practitioner_id', ['practitionerId'])
@Index('idx_practitioner_memberships_organisation_id', ['organisationId'])
@Index('idx_practitioner_memberships_pending', ['organisationId', 'createdAt', 'id'], { where: `"status" = 'PENDING'` })
export class PractitionerMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('PractitionerEntity', { onDelete: 'CASCADE' })
  practitionerId: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('varchar', { length: 120, nullable: true })
  role: string | null;

  @Column('varchar', { length: 120, nullable: true })
  team: string | null;

  @Column('date', { nullable: true })
  startDate: string | null;

  @Column('date', { nullable: true })
  endDate: string | null;

  @Column('varchar', { length: 10, default: 'PENDING' })
  status: MembershipStatus;

  /** How a confirmed (or later ended) membership was confirmed; null while pending or when declined. */
  @Column('varchar', { length: 12, nullable: true })
  confirmedVia: ConfirmationRoute | null;

  /** Who confirmed or declined it (an organisation admin); null when a domain, invitation or sign-in did. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  endedBy: string | null;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An email domain an organisation says its staff use (`walsall.gov.uk`). Once a platform
 * admin verifies it, a person whose verified address is on it (or on a subdomain of it) is
 * confirmed at once when they say they work there. Public email providers never qualify.
 */
@Entity('organisation_email_domains')
@Check('ck_organisation_email_domains_domain', `"domain" = lower("domain") AND "domain" LIKE '%_._%'`)
@Index('uq_organisation_email_domains', ['organisationId', 'domain'], { unique: true })
@Index('idx_organisation_email_domains_domain', ['domain'], { where: `"verified_at" IS NOT NULL` })
export class OrganisationEmailDomainEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  @Column('varchar', { length: 253 })
  domain: string;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  verifiedBy: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An organisation admin's invitation to join: a single-use link to the address, which
 * registers (or signs in) and confirms the membership in one step. Only the token's hash
 * is kept.
 */
@Entity('membership_invitations')
@Check('ck_membership_invitations_status', inList('status', INVITATION_STATUSES))
@Index('uq_membership_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('idx_membership_invitations_organisation_id', ['organisationId', 'createdAt', 'id'])
@Index('uq_membership_invitations_open', ['organisationId', 'email'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
export class MembershipInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity', { onDelete: 'CASCADE' })
  organisationId: string;

  /** Lower-cased. */
  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 120, nullable: true })
  role: string | null;

  @Column('varchar', { length: 120, nullable: true })
  team: string | null;

  @Column('char', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 10, default: 'PENDING' })
  status: InvitationStatus;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  invitedBy: string | null;

  /** The account that accepted it. */
  @Column('uuid', { nullable: true })
  @ForeignKey('AccountEntity', { onDelete: 'SET NULL' })
  acceptedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
