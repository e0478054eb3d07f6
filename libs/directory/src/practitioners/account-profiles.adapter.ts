import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountProfiles, NewProfile, VouchedBy } from '@cohesion/auth';
import { MembershipsService } from '../memberships/memberships.service.js';
import { PractitionersService } from './practitioners.service.js';

/** What auth asks of the directory about an account's person (see `AccountProfiles`). */
@Injectable()
export class AccountProfilesAdapter implements AccountProfiles {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly memberships: MembershipsService,
  ) {}

  createProfile(manager: EntityManager, accountId: string, profile: NewProfile): Promise<void> {
    return this.practitioners.createProfile(manager, accountId, profile);
  }

  async refreshStanding(manager: EntityManager, accountIds: readonly string[]): Promise<void> {
    await this.memberships.refreshStanding(manager, accountIds);
  }

  standingSql(accountId: string): string {
    return `COALESCE((SELECT p.verified_member FROM practitioners p WHERE p.id = ${accountId}), FALSE)`;
  }

  async confirmVouchedMembership(
    manager: EntityManager,
    accountId: string,
    organisationId: string,
    via: VouchedBy,
  ): Promise<void> {
    await this.memberships.confirmVouched(manager, accountId, organisationId, via);
  }

  verifiedEmailDomains(manager: EntityManager, organisationId: string): Promise<string[]> {
    return this.memberships.verifiedDomains(manager, organisationId);
  }
}
