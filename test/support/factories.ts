import { randomUUID } from 'node:crypto';
import { AccountEntity, PasswordHasher, RoleGrantEntity } from '@cohesion/auth';
import { toGlobalId, type GrantedRole } from '@cohesion/common';
import {
  AreaEntity,
  OrganisationAreaEntity,
  OrganisationEntity,
  OrganisationIdentifierEntity,
  OrganisationThemeEntity,
  parseOrgId,
  PractitionerAreaEntity,
  PractitionerEntity,
  PractitionerMembershipEntity,
  PractitionerThemeEntity,
  refreshStanding,
  ServiceAreaEntity,
  ServiceEntity,
  ServiceTaxonomyTermEntity,
  type AreaKindValue,
  type MembershipStatus,
  type OrganisationKindValue,
} from '@cohesion/directory';
import type { TestApp } from './test-app.js';

/**
 * Data factories: each writes what a test needs straight to the database, with
 * defaults that make a valid record, and returns ids in both forms (uuid and global).
 */
let sequence = 0;
const next = () => ++sequence;

export const TEST_PASSWORD = 'a-long-test-passphrase-7';

const hashes = new WeakMap<TestApp, Promise<string>>();
function passwordHash(t: TestApp): Promise<string> {
  if (!hashes.has(t)) hashes.set(t, t.app.get(PasswordHasher).hash(TEST_PASSWORD));
  return hashes.get(t) as Promise<string>;
}

export interface TestPractitioner {
  id: string;
  globalId: string;
  email: string;
  password: string;
  token: string;
}

export interface PractitionerOverrides extends Partial<Omit<PractitionerEntity, 'id'>> {
  email?: string;
  /** False for an account that has not followed its verification link (default: verified). */
  emailVerified?: boolean;
  roles?: { role: GrantedRole; organisationId?: string }[];
  areaIds?: string[];
  themeIds?: string[];
  /** Written as they are, CONFIRMED unless a status is given. */
  memberships?: {
    organisationId: string;
    role?: string;
    startDate?: string;
    endDate?: string;
    status?: MembershipStatus;
  }[];
  /**
   * A verified member (the default for a verified address): when none of `memberships` is a
   * current confirmed one of a verified organisation, they are given a confirmed membership
   * of the test app's own verified organisation. False leaves them with only `memberships`.
   */
  verifiedMember?: boolean;
}

/**
 * A verified organisation of each test app that people the factory makes verified members
 * work at, unless a test gives them memberships of its own. It covers no area and no theme.
 */
const homes = new WeakMap<TestApp, Promise<string>>();
function homeOrganisation(t: TestApp): Promise<string> {
  if (!homes.has(t)) {
    const id = randomUUID();
    homes.set(
      t,
      t.db
        .query(`INSERT INTO organisations (id, name, kind, verified) VALUES ($1, $2, 'VCS', TRUE)`, [
          id,
          'Cohesion Network Test Employer',
        ])
        .then(() => id),
    );
  }
  return homes.get(t) as Promise<string>;
}

export async function createPractitioner(t: TestApp, overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
  const n = next();
  const { email, emailVerified, roles, areaIds, themeIds, memberships, verifiedMember, ...profile } = overrides;
  const id = randomUUID();
  const wantsStanding = verifiedMember ?? emailVerified !== false;
  const home = wantsStanding ? await homeOrganisation(t) : undefined;
  const address = (email ?? `person${n}.${id.slice(0, 6)}@example.org`).toLowerCase();
  await t.db.transaction(async (manager) => {
    await manager.insert(AccountEntity, {
      id,
      email: address,
      passwordHash: await passwordHash(t),
      emailVerifiedAt: emailVerified === false ? null : new Date(),
    });
    await manager.insert(PractitionerEntity, { id, fullName: `Test Person ${n}`, ...profile });
    for (const grant of roles ?? []) {
      await manager.insert(RoleGrantEntity, {
        accountId: id,
        role: grant.role,
        organisationId: grant.organisationId ?? null,
      });
    }
    for (const areaId of areaIds ?? []) await manager.insert(PractitionerAreaEntity, { practitionerId: id, areaId });
    for (const termId of themeIds ?? []) await manager.insert(PractitionerThemeEntity, { practitionerId: id, termId });
    for (const membership of memberships ?? []) {
      await manager.insert(PractitionerMembershipEntity, {
        practitionerId: id,
        ...membership,
        status: membership.status ?? 'CONFIRMED',
        confirmedVia: (membership.status ?? 'CONFIRMED') === 'PENDING' ? null : 'ORG_ADMIN',
      });
    }
    if (home && (await refreshStanding(manager, [id])).length === 0) {
      await manager.insert(PractitionerMembershipEntity, {
        practitionerId: id,
        organisationId: home,
        status: 'CONFIRMED',
        confirmedVia: 'ORG_ADMIN',
      });
    }
    await refreshStanding(manager, [id]);
  });
  return {
    id,
    globalId: toGlobalId('Practitioner', id),
    email: address,
    password: TEST_PASSWORD,
    token: await t.tokenFor({ id }),
  };
}

export function createAdmin(t: TestApp, overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
  return createPractitioner(t, { ...overrides, roles: [{ role: 'ADMIN' }, ...(overrides.roles ?? [])] });
}

export interface Created {
  id: string;
  globalId: string;
}

export async function createArea(
  t: TestApp,
  area: { kind?: AreaKindValue; name?: string; code?: string | null; parentId?: string | null } = {},
): Promise<Created> {
  const n = next();
  const kind = area.kind ?? 'LOCAL_AUTHORITY';
  const code =
    area.code !== undefined ? area.code : kind === 'LOCAL_AUTHORITY' ? `E08${String(900000 + n).slice(-6)}` : null;
  const entity = t.db.getRepository(AreaEntity).create({
    kind,
    name: area.name ?? `Test area ${n}`,
    code,
    parentId: area.parentId ?? null,
  });
  await t.db.getRepository(AreaEntity).insert(entity);
  return { id: entity.id, globalId: toGlobalId('Area', entity.id) };
}

export async function termId(t: TestApp, taxonomy: string, code: string): Promise<Created> {
  const rows: { id: string }[] = await t.db.query(
    'SELECT t.id FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id WHERE x.code = $1 AND t.code = $2',
    [taxonomy, code],
  );
  if (!rows[0]) throw new Error(`No ${taxonomy} term ${code}`);
  return { id: rows[0].id, globalId: toGlobalId('TaxonomyTerm', rows[0].id) };
}

export async function createTerm(
  t: TestApp,
  taxonomy: string,
  values: { code?: string; name?: string; parentId?: string },
): Promise<Created> {
  const n = next();
  const [row] = await t.db.query<{ id: string }[]>(
    `INSERT INTO taxonomy_terms (taxonomy_id, parent_id, code, name)
     SELECT id, $2, $3, $4 FROM taxonomies WHERE code = $1 RETURNING id`,
    [taxonomy, values.parentId ?? null, values.code ?? `test-term-${n}`, values.name ?? `Test term ${n}`],
  );
  return { id: row.id, globalId: toGlobalId('TaxonomyTerm', row.id) };
}

export interface OrganisationOverrides extends Partial<Omit<OrganisationEntity, 'id'>> {
  kind?: OrganisationKindValue;
  identifiers?: string[];
  areaIds?: string[];
  themeIds?: string[];
}

export async function createOrganisation(t: TestApp, overrides: OrganisationOverrides = {}): Promise<Created> {
  const n = next();
  const { identifiers, areaIds, themeIds, ...columns } = overrides;
  const id = randomUUID();
  await t.db.transaction(async (manager) => {
    await manager.insert(OrganisationEntity, {
      id,
      name: `Test Organisation ${n}`,
      kind: 'VCS',
      verified: true,
      ...columns,
    });
    for (const text of identifiers ?? []) {
      const parsed = parseOrgId(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      await manager.insert(OrganisationIdentifierEntity, { organisationId: id, ...parsed.value });
    }
    for (const areaId of areaIds ?? []) await manager.insert(OrganisationAreaEntity, { organisationId: id, areaId });
    for (const termId of themeIds ?? []) await manager.insert(OrganisationThemeEntity, { organisationId: id, termId });
  });
  return { id, globalId: toGlobalId('Organisation', id) };
}

export interface ServiceOverrides extends Partial<Omit<ServiceEntity, 'id'>> {
  organisationId: string;
  areaIds?: string[];
  termIds?: string[];
}

export async function createService(t: TestApp, overrides: ServiceOverrides): Promise<Created> {
  const n = next();
  const { areaIds, termIds, ...columns } = overrides;
  const id = randomUUID();
  await t.db.transaction(async (manager) => {
    await manager.insert(ServiceEntity, { id, name: `Test Service ${n}`, ...columns });
    for (const areaId of areaIds ?? []) await manager.insert(ServiceAreaEntity, { serviceId: id, areaId });
    for (const termId of termIds ?? []) await manager.insert(ServiceTaxonomyTermEntity, { serviceId: id, termId });
  });
  return { id, globalId: toGlobalId('Service', id) };
}

/** Audit rows about one record, oldest first. */
export async function auditOf(
  t: TestApp,
  entityId: string,
): Promise<{ action: string; before: unknown; after: unknown; actor_account_id: string | null }[]> {
  return t.db.query(
    'SELECT action, before, after, actor_account_id FROM audit_entries WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [{ count }] = await t.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

/** Connects two practitioners directly (as an accepted introduction would). */
export async function connect(t: TestApp, one: string, other: string, origin = 'WORKED_TOGETHER'): Promise<void> {
  const [a, b] = one < other ? [one, other] : [other, one];
  await t.db.query('INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin) VALUES ($1, $2, $3)', [
    a,
    b,
    origin,
  ]);
}

/** Adds a location (with coordinates, optionally in an area) to a service. */
export async function addLocation(
  t: TestApp,
  serviceId: string,
  place: { name?: string; postcode?: string; latitude?: number; longitude?: number; areaId?: string; town?: string },
): Promise<void> {
  const [service] = await t.db.query<{ organisation_id: string }[]>(
    'SELECT organisation_id FROM services WHERE id = $1',
    [serviceId],
  );
  const [location] = await t.db.query<{ id: string }[]>(
    `INSERT INTO locations (organisation_id, name, postcode, latitude, longitude, area_id, town, geocode_precision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $4::float8 IS NULL THEN NULL ELSE 'COORDINATES' END) RETURNING id`,
    [
      service.organisation_id,
      place.name ?? 'Venue',
      place.postcode ?? null,
      place.latitude ?? null,
      place.longitude ?? null,
      place.areaId ?? null,
      place.town ?? null,
    ],
  );
  await t.db.query('INSERT INTO service_locations (service_id, location_id) VALUES ($1, $2)', [serviceId, location.id]);
}
