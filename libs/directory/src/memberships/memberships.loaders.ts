import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, groupedInKeyOrder, type LoaderFactory, type Viewer } from '@cohesion/common';
import type { EmailDomainRow } from './email-domain.queries.js';
import type { ClaimantRow, MembershipRow } from './membership.queries.js';
import { MembershipsService, type MembershipFacts } from './memberships.service.js';

/** A membership, by id, with whose and of which organisation it is. */
export type ClaimKey = MembershipFacts & { membershipId: string };

/** Each practitioner's open memberships (pending, confirmed), current first. */
@Injectable()
export class PractitionerMembershipsLoader implements LoaderFactory<string, MembershipRow[]> {
  constructor(private readonly memberships: MembershipsService) {}

  create(): DataLoader<string, MembershipRow[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.memberships.membershipsOf(ids, false), (row) => row.practitionerId),
      BATCH_OPTIONS,
    );
  }
}

/** Each practitioner's memberships with the declined and ended ones: their own history. */
@Injectable()
export class MembershipHistoryLoader implements LoaderFactory<string, MembershipRow[]> {
  constructor(private readonly memberships: MembershipsService) {}

  create(): DataLoader<string, MembershipRow[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.memberships.membershipsOf(ids, true), (row) => row.practitionerId),
      BATCH_OPTIONS,
    );
  }
}

/** Who claims each membership, for the organisation's admins (null for anyone else). */
@Injectable()
export class MembershipClaimantLoader implements LoaderFactory<ClaimKey, ClaimantRow | null> {
  constructor(private readonly memberships: MembershipsService) {}

  create(viewer: Viewer): DataLoader<ClaimKey, ClaimantRow | null> {
    return new DataLoader(
      async (rows) => {
        const claimants = await this.memberships.claimants(viewer, [...rows]);
        return rows.map((row) => claimants.get(row.practitionerId) ?? null);
      },
      { ...BATCH_OPTIONS, cacheKeyFn: (key) => key.membershipId },
    );
  }
}

/** Each organisation's email domains the viewer may see. */
@Injectable()
export class OrganisationEmailDomainsLoader implements LoaderFactory<string, EmailDomainRow[]> {
  constructor(private readonly memberships: MembershipsService) {}

  create(viewer: Viewer): DataLoader<string, EmailDomainRow[]> {
    return new DataLoader(
      async (ids) => groupedInKeyOrder(ids, await this.memberships.domainsOf(viewer, ids), (row) => row.organisationId),
      BATCH_OPTIONS,
    );
  }
}
