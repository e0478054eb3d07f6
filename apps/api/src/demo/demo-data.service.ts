import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { LOGGER, normalisePostcode, stableId } from '@cohesion/common';
import { AccountEntity, hashToken, PasswordHasher, RoleGrantEntity } from '@cohesion/auth';
import { COHESION_THEMES, DirectoryWriter, parseOrgId, SERVICE_TYPES } from '@cohesion/directory';
import {
  ConnectionEntity,
  IntroductionEntity,
  introductionNotices,
  INTRODUCTION_RULES,
  PartnershipEntity,
} from '@cohesion/network';
import { NotificationsService } from '@cohesion/notifications';
import { SeedRunEntity } from '@cohesion/platform';
import { DEMO_DATASET } from './demo-dataset.js';
import { seedDemoGrants } from './demo-grants.js';
import type { DemoArea, DemoDataset, DemoTerm } from './demo-dataset.types.js';

/** Every demo account signs in with this; it is printed in development and shown in the README. */
export const DEMO_PASSWORD = 'cohesion-demo-2026';
const SEED_NAME = 'demo';

export interface DemoSeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

/**
 * Loads the demo dataset once per database, in one transaction, marking every record
 * as demo. Idempotent: a database that has it (or had it removed) is left alone.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationsService,
    private readonly directory: DirectoryWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const started = Date.now();
    const result = await this.seed();
    if (result.seeded) this.logger.info({ ...result.counts, ms: Date.now() - started }, 'loaded the demo dataset');
  }

  async seed(dataset: DemoDataset = DEMO_DATASET): Promise<DemoSeedResult> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager): Promise<DemoSeedResult> => {
      // Serialises concurrent first starts: the second waits, then finds the seed run.
      await manager.query('LOCK TABLE seed_runs IN EXCLUSIVE MODE');
      if (await manager.existsBy(SeedRunEntity, { name: SEED_NAME })) return { seeded: false, counts: {} };
      const terms = await this.seedTerms(manager, dataset);
      await this.seedAreas(manager, dataset.areas);
      await this.seedOrganisations(manager, dataset, terms);
      await this.seedPractitioners(manager, dataset, terms, passwordHash);
      await this.seedServices(manager, dataset, terms);
      await this.seedNetwork(manager, dataset);
      await this.seedMemberships(manager, dataset);
      const grantApplications = await seedDemoGrants(manager, terms);
      await manager.insert(SeedRunEntity, { name: SEED_NAME });
      return {
        seeded: true,
        counts: {
          areas: dataset.areas.length,
          organisations: dataset.organisations.length,
          practitioners: dataset.practitioners.length,
          services: dataset.services.length,
          connections: dataset.network.connections.length,
          introductions: dataset.network.introductions.length,
          partnerships: dataset.network.partnerships.length,
          grantApplications,
        },
      };
    });
  }

  /** Email domains and invitations, then everyone's verified-member standing from their memberships. */
  private async seedMemberships(manager: EntityManager, dataset: DemoDataset): Promise<void> {
    for (const domain of dataset.emailDomains) {
      await this.directory.memberships.seedDomain(manager, {
        organisationId: stableId('organisation', domain.organisation),
        domain: domain.domain,
        verified: domain.verified,
      });
    }
    for (const invitation of dataset.invitations) {
      await this.directory.memberships.seedInvitation(manager, {
        organisationId: stableId('organisation', invitation.organisation),
        email: invitation.email,
        role: invitation.role ?? null,
        invitedBy: stableId('practitioner', invitation.invitedBy),
        tokenHash: hashToken(randomBytes(32).toString('base64url')),
        expiresAt: new Date(Date.now() + 14 * 86_400_000),
      });
    }
    await this.directory.memberships.settleStanding(manager);
  }

  /** Lines for the console: where to sign in with the demo accounts. */
  async loginHints(): Promise<string[]> {
    if (!(await this.dataSource.getRepository(SeedRunEntity).existsBy({ name: SEED_NAME }))) return [];
    const logins = DEMO_DATASET.practitioners.slice(0, 4);
    return [
      `Demo data is loaded. Sign in with the login mutation, password "${DEMO_PASSWORD}":`,
      ...logins.map((person) => {
        const roles = person.roles?.map((role) => role.role).join(', ') || 'MEMBER';
        return `  ${person.email.padEnd(40)} ${roles}`;
      }),
    ];
  }

  private async seedTerms(manager: EntityManager, dataset: DemoDataset): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const vocabularies: [string, DemoTerm[]][] = [
      [COHESION_THEMES, dataset.themes],
      [SERVICE_TYPES, dataset.serviceTypes],
    ];
    for (const [taxonomy, terms] of vocabularies) {
      // Parents first; terms the vocabulary already has are kept as they are.
      const byCode = await this.directory.taxonomy.seedTerms(
        manager,
        taxonomy,
        sortByDepth(
          terms,
          (item) => item.code,
          (item) => item.parent,
        ),
      );
      for (const [code, id] of byCode) ids.set(`${taxonomy}:${code}`, id);
    }
    return ids;
  }

  private async seedAreas(manager: EntityManager, areas: DemoArea[]): Promise<void> {
    for (const area of sortByDepth(
      areas,
      (item) => item.key,
      (item) => item.parent,
    )) {
      if (area.code && (await this.directory.areaIdByCode(manager, area.code))) continue;
      await this.directory.seedArea(manager, {
        id: stableId('area', area.key),
        name: area.name,
        kind: area.kind,
        code: area.code ?? null,
        parentId: area.parent ? await this.areaId(manager, areas, area.parent) : null,
      });
    }
  }

  /** An area already present with the same ONS code is used rather than duplicated. */
  private async areaId(manager: EntityManager, areas: DemoArea[], key: string): Promise<string> {
    const area = areas.find((item) => item.key === key);
    return (area?.code && (await this.directory.areaIdByCode(manager, area.code))) || stableId('area', key);
  }

  /**
   * The ids of several areas, looked up one after another: a transaction is one
   * connection, which runs one statement at a time (never `Promise.all` on a manager).
   */
  private async areaIds(manager: EntityManager, areas: DemoArea[], keys: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const key of keys) ids.push(await this.areaId(manager, areas, key));
    return ids;
  }

  private async seedOrganisations(
    manager: EntityManager,
    dataset: DemoDataset,
    terms: Map<string, string>,
  ): Promise<void> {
    const now = new Date();
    for (const organisation of dataset.organisations) {
      const identifiers = (organisation.identifiers ?? []).map((text) => {
        const parsed = parseOrgId(text);
        if (!parsed.ok) throw new Error(`Demo organisation ${organisation.key}: identifier ${text} ${parsed.problem}`);
        return parsed.value;
      });
      await this.directory.organisations.seed(manager, {
        row: {
          id: stableId('organisation', organisation.key),
          name: organisation.name,
          kind: organisation.kind,
          description: organisation.description,
          website: organisation.website ?? null,
          email: organisation.email ?? null,
          phone: organisation.phone ?? null,
          addressLine1: organisation.address?.line1 ?? null,
          addressLine2: organisation.address?.line2 ?? null,
          town: organisation.address?.town ?? null,
          postcode: organisation.address ? (normalisePostcode(organisation.address.postcode) ?? null) : null,
          latitude: organisation.location?.latitude ?? null,
          longitude: organisation.location?.longitude ?? null,
          faithTradition: organisation.faithTradition ?? null,
          languages: organisation.languages ?? [],
          verified: organisation.verified,
          verifiedAt: organisation.verified ? now : null,
          visibility: organisation.visibility ?? 'PUBLIC',
        },
        identifiers,
        areaIds: await this.areaIds(manager, dataset.areas, organisation.areas),
        themeIds: organisation.themes.map((code) => termId(terms, COHESION_THEMES, code)),
      });
    }
  }

  private async seedPractitioners(
    manager: EntityManager,
    dataset: DemoDataset,
    terms: Map<string, string>,
    passwordHash: string,
  ): Promise<void> {
    for (const person of dataset.practitioners) {
      const id = stableId('practitioner', person.key);
      await manager.insert(AccountEntity, {
        id,
        email: person.email.toLowerCase(),
        passwordHash,
        isDemo: true,
        emailVerifiedAt: person.emailVerified === false ? null : new Date(),
      });
      await this.directory.practitioners.seed(manager, {
        row: {
          id,
          fullName: person.fullName,
          jobTitle: person.jobTitle,
          bio: person.bio ?? null,
          canHelpWith: person.canHelpWith ?? null,
          lookingFor: person.lookingFor ?? null,
          languages: person.languages ?? [],
          discoverable: person.discoverable ?? true,
          openToIntroductions: person.openToIntroductions ?? true,
          introductionsMonthlyCap: person.introductionsMonthlyCap ?? 5,
          contactEmail: person.contact?.email ?? null,
          contactPhone: person.contact?.phone ?? null,
          contactMobile: person.contact?.mobile ?? null,
          website: person.contact?.website ?? null,
          ...(person.contactVisibility?.email ? { contactEmailVisibility: person.contactVisibility.email } : {}),
          ...(person.contactVisibility?.phone ? { contactPhoneVisibility: person.contactVisibility.phone } : {}),
          ...(person.contactVisibility?.mobile ? { contactMobileVisibility: person.contactVisibility.mobile } : {}),
          ...(person.contactVisibility?.website ? { websiteVisibility: person.contactVisibility.website } : {}),
        },
        areaIds: await this.areaIds(manager, dataset.areas, person.areas),
        themeIds: person.expertise.map((code) => termId(terms, COHESION_THEMES, code)),
        memberships: person.memberships.map((membership) => ({
          organisationId: stableId('organisation', membership.organisation),
          role: membership.role ?? null,
          team: membership.team ?? null,
          startDate: membership.startDate ?? null,
          endDate: membership.endDate ?? null,
          status: membership.pending ? 'PENDING' : 'CONFIRMED',
          confirmedVia: membership.pending ? null : 'ORG_ADMIN',
        })),
      });
      for (const grant of person.roles ?? []) {
        await manager.insert(RoleGrantEntity, {
          accountId: id,
          role: grant.role,
          organisationId: grant.organisation ? stableId('organisation', grant.organisation) : null,
        });
      }
    }
  }

  /**
   * Connections, introductions in each state a user meets first (with the notices the
   * people involved would have had) and organisation partnerships.
   */
  private async seedNetwork(manager: EntityManager, dataset: DemoDataset): Promise<void> {
    const { connections, introductions, partnerships } = dataset.network;
    const person = (key: string) => stableId('practitioner', key);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    await manager.insert(
      ConnectionEntity,
      connections.map(({ between: [one, other], origin, since }) => {
        const [a, b] = [person(one), person(other)].sort();
        return { practitionerAId: a, practitionerBId: b, origin, createdAt: daysAgo(since) };
      }),
    );
    const byKey = new Map(dataset.practitioners.map((entry) => [entry.key, entry]));
    const people = (key: string) => {
      const entry = byKey.get(key);
      if (!entry) throw new Error(`No demo practitioner ${key}`);
      return { id: person(key), name: entry.fullName, jobTitle: entry.jobTitle };
    };
    for (const introduction of introductions) {
      const asked = daysAgo(introduction.askedDaysAgo);
      const id = stableId('introduction', `${introduction.from}:${introduction.to}`);
      const accepted = introduction.status === 'ACCEPTED';
      await manager.insert(IntroductionEntity, {
        id,
        requesterId: person(introduction.from),
        targetId: person(introduction.to),
        brokerId: introduction.via ? person(introduction.via) : null,
        message: introduction.message,
        status: introduction.status,
        brokerNote: introduction.brokerNote ?? null,
        responseNote: accepted ? 'Happy to: I am free most Thursday afternoons.' : null,
        createdAt: asked,
        expiresAt: new Date(asked.getTime() + INTRODUCTION_RULES.expiresAfterDays * 24 * 60 * 60 * 1000),
        reachedTargetAt: introduction.status === 'PENDING_BROKER' ? null : asked,
        closedAt: accepted ? daysAgo(introduction.askedDaysAgo - 2) : null,
      });
      const involved = {
        requester: people(introduction.from),
        target: people(introduction.to),
        broker: introduction.via ? people(introduction.via) : null,
      };
      const notice =
        introduction.status === 'PENDING_BROKER'
          ? introductionNotices.askedToBroker(id, involved, introduction.message)
          : introduction.status === 'PENDING_TARGET'
            ? introductionNotices.askedToConnect(id, involved, introduction.message, null)
            : null;
      if (notice) await this.notifications.queue(manager, [notice]);
    }
    for (const partnership of partnerships) {
      const organisationId = stableId('organisation', partnership.organisation);
      await manager.insert(PartnershipEntity, {
        organisationId,
        partnerId: stableId('organisation', partnership.partner),
        kind: partnership.kind,
        proposedByOrganisationId: organisationId,
        confirmedAt: partnership.confirmed ? daysAgo(30) : null,
      });
    }
  }

  private async seedServices(manager: EntityManager, dataset: DemoDataset, terms: Map<string, string>): Promise<void> {
    for (const service of dataset.services) {
      const part = (kind: string, index: number) => stableId(kind, `${service.key}:${index}`);
      const locations = [];
      for (const [index, place] of (service.locations ?? []).entries()) {
        locations.push({
          linkId: part('service-location', index),
          location: {
            id: part('location', index),
            locationType: 'physical' as const,
            name: place.name ?? null,
            addressLine1: place.address?.line1 ?? null,
            addressLine2: place.address?.line2 ?? null,
            town: place.address?.town ?? null,
            postcode: place.address ? (normalisePostcode(place.address.postcode) ?? null) : null,
            latitude: place.location?.latitude ?? null,
            longitude: place.location?.longitude ?? null,
            geocodePrecision: place.location ? ('COORDINATES' as const) : null,
            areaId: place.area ? await this.areaId(manager, dataset.areas, place.area) : null,
          },
        });
      }
      const termIds = [
        ...(service.themes ?? []).map((code) => termId(terms, COHESION_THEMES, code)),
        ...(service.types ?? []).map((code) => termId(terms, SERVICE_TYPES, code)),
      ];
      await this.directory.services.seed(manager, {
        row: {
          id: stableId('service', service.key),
          organisationId: stableId('organisation', service.organisation),
          name: service.name,
          description: service.description,
          status: service.status ?? 'active',
          url: service.url ?? null,
          email: service.email ?? null,
          fees: service.fees ?? null,
          eligibilityDescription: service.eligibilityDescription ?? null,
          minimumAge: service.minimumAge ?? null,
          maximumAge: service.maximumAge ?? null,
          languages: service.languages ?? [],
          assuredDate: service.assuredDate ?? null,
          visibility: service.visibility ?? 'PUBLIC',
        },
        costOptions: (service.costOptions ?? []).map((cost, index) => ({
          id: part('service-cost-option', index),
          option: cost.option ?? null,
          amountPence: cost.amountPence ?? null,
          amountDescription: cost.amountDescription ?? null,
        })),
        schedules: (service.schedules ?? []).map((schedule, index) => ({
          id: part('service-schedule', index),
          freq: schedule.freq ?? null,
          interval: schedule.interval ?? null,
          byday: schedule.byday ?? null,
          opensAt: schedule.opensAt ?? null,
          closesAt: schedule.closesAt ?? null,
          description: schedule.description ?? null,
        })),
        locations,
        contacts: (service.contacts ?? []).map((contact, index) => ({
          id: part('service-contact', index),
          name: contact.name ?? null,
          title: contact.title ?? null,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
        })),
        termIds: [...new Set(termIds)],
        areaIds: await this.areaIds(manager, dataset.areas, service.areas ?? []),
      });
    }
  }
}

function termId(terms: Map<string, string>, taxonomy: string, code: string): string {
  const id = terms.get(`${taxonomy}:${code}`);
  if (!id) throw new Error(`The demo dataset names an unknown ${taxonomy} term: ${code}`);
  return id;
}

/** Orders tree records so every parent comes before its children. */
function sortByDepth<T>(items: T[], keyOf: (item: T) => string, parentOf: (item: T) => string | undefined): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  const depth = (item: T, seen = 0): number => {
    const parent = parentOf(item);
    const parentItem = parent ? byKey.get(parent) : undefined;
    return parentItem && seen < 20 ? 1 + depth(parentItem, seen + 1) : 0;
  };
  return [...items].sort((a, b) => depth(a) - depth(b));
}
