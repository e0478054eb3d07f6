import { Injectable } from '@nestjs/common';
import { languageName, toGlobalId, type Viewer } from '@cohesion/common';
import {
  MembershipsService,
  networkAccessOf,
  OrganisationsService,
  PractitionersService,
  relationshipOf,
  toMembership,
  today,
  toPractitioner,
  type Membership,
  type NetworkAccess,
  type Practitioner,
  type PractitionerRecord,
  type Relationship,
} from '@cohesion/directory';

/** Somewhere a person works now, as the viewer may see it (the organisation's name only if they may see it). */
export interface PlaceOfWork {
  membership: Membership;
  /** Null when the viewer may not see the organisation. */
  organisation: { id: string; name: string } | null;
}

/** What a page shows of one person: the profile as the service builds it for this viewer, and what it links to. */
export interface Person {
  profile: Practitioner;
  record: PractitionerRecord;
  href: string;
  workplaces: PlaceOfWork[];
  themes: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  /** The languages they work in, in words. */
  languageNames: string[];
}

/**
 * People for pages, as the API's field resolvers load them, in batches: one statement per
 * kind of thing (profiles, memberships, organisations, themes, areas) whatever the number of
 * people, so a page of 20 results costs what a page of 1 does.
 */
@Injectable()
export class PeopleReader {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly memberships: MembershipsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The records the viewer may see among `ids` (seePractitioner and blocks, in the service's statement). */
  async records(viewer: Viewer, ids: readonly string[]): Promise<Map<string, PractitionerRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.practitioners.visibleByIds(viewer, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The people among `ids` the viewer may see, in the order given, with where they work now,
   * their themes and (with `areas`) the areas they cover. `as` builds the profile for another
   * relationship than the viewer's own (the owner's preview).
   */
  async people(
    viewer: Viewer,
    ids: readonly string[],
    options: { areas?: boolean; as?: Relationship; records?: Map<string, PractitionerRecord> } = {},
  ): Promise<Person[]> {
    const records = options.records ?? (await this.records(viewer, ids));
    const visible = ids.filter((id) => records.has(id));
    if (visible.length === 0) return [];
    const [memberships, themes, areas] = await Promise.all([
      this.memberships.membershipsOf(visible, false),
      this.practitioners.themesOf(visible),
      options.areas ? this.practitioners.areasOf(visible) : Promise.resolve([]),
    ]);
    const date = today();
    const current = memberships.map((row) => toMembership(row, date)).filter((membership) => membership.current);
    const organisationIds = [...new Set(current.map((membership) => membership.organisationId))];
    const organisations = new Map(
      (await this.organisations.visibleByIds(viewer, organisationIds)).map((row) => [row.id, row]),
    );
    return visible.map((id) => {
      const record = records.get(id) as PractitionerRecord;
      const profile = toPractitioner(record, options.as ?? relationshipOf(viewer, record));
      return {
        profile,
        record,
        href: `/people/${profile.id}`,
        workplaces: current
          .filter((membership) => membership.practitionerId === id)
          .map((membership) => {
            const organisation = organisations.get(membership.organisationId);
            return {
              membership,
              organisation: organisation
                ? { id: toGlobalId('Organisation', organisation.id), name: organisation.name }
                : null,
            };
          }),
        themes: themes
          .filter((row) => row.ownerId === id)
          .map((row) => ({ id: toGlobalId('TaxonomyTerm', row.id), name: row.name })),
        areas: areas
          .filter((row) => row.ownerId === id)
          .map((row) => ({ id: toGlobalId('Area', row.id), name: row.name })),
        languageNames: profile.languages.map(languageName),
      };
    });
  }

  /** Where a signed-in person stands in the network, in the words the API's `networkAccess` uses. */
  async standing(viewer: Viewer): Promise<NetworkAccess> {
    const rows = viewer.practitionerId ? await this.memberships.membershipsOf([viewer.practitionerId], false) : [];
    return networkAccessOf(viewer, rows);
  }
}
