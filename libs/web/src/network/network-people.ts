import { Injectable } from '@nestjs/common';
import { type Viewer } from '@cohesion/common';
import {
  MembershipsService,
  OrganisationsService,
  PractitionersService,
  relationshipOf,
  toMembership,
  today,
  toPractitioner,
  type Practitioner,
} from '@cohesion/directory';

/** A person as the network's pages name them: only what the directory shows this viewer. */
export interface PersonCard {
  /** The practitioner's uuid. */
  practitionerId: string;
  /** The id their profile page goes by (`/people/<id>`). */
  id: string;
  name: string;
  jobTitle: string | null;
  /** Where they work now (confirmed, current memberships of organisations the viewer may see). */
  organisations: string[];
  openToIntroductions: boolean;
  connectedToYou: boolean;
}

/**
 * The people a network page names, in one go: each through the directory's own reading of
 * a profile for this viewer (`PractitionersService.visibleByIds`, as the API's loader), so
 * someone the viewer may not see (undiscoverable, blocked either way) is simply absent.
 * Their organisations are those the Practitioner.memberships field shows as current.
 */
@Injectable()
export class NetworkPeople {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly memberships: MembershipsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async cards(viewer: Viewer, ids: readonly (string | null | undefined)[]): Promise<Map<string, PersonCard>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const records = await this.practitioners.visibleByIds(viewer, wanted);
    const people = records.map((record) => toPractitioner(record, relationshipOf(viewer, record)));
    const date = today();
    const current = (
      await this.memberships.membershipsOf(
        people.map((person) => person.practitionerId),
        false,
      )
    )
      .map((row) => toMembership(row, date))
      .filter((membership) => membership.current);
    const organisations = new Map(
      (
        await this.organisations.visibleByIds(viewer, [
          ...new Set(current.map((membership) => membership.organisationId)),
        ])
      ).map((organisation) => [organisation.id, organisation.name]),
    );
    return new Map(
      people.map((person: Practitioner) => [
        person.practitionerId,
        {
          practitionerId: person.practitionerId,
          id: person.id,
          name: person.fullName,
          jobTitle: person.jobTitle,
          organisations: current
            .filter((membership) => membership.practitionerId === person.practitionerId)
            .map((membership) => organisations.get(membership.organisationId))
            .filter((name): name is string => name !== undefined),
          openToIntroductions: person.openToIntroductions,
          connectedToYou: person.connectedToYou,
        },
      ]),
    );
  }

  async card(viewer: Viewer, id: string): Promise<PersonCard | undefined> {
    return (await this.cards(viewer, [id])).get(id);
  }
}
