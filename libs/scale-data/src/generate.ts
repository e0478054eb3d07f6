import type { Queryable } from '@cohesion/common';
import { refreshStanding } from '@cohesion/directory';
import { generateConnections, type NetworkPerson } from './network.js';
import { Random } from './random.js';
import {
  COUNCILS,
  FAITHS,
  FIRST_NAMES,
  JOB_TITLES,
  KIND_WEIGHTS,
  LANGUAGES,
  ORGANISATION_NAMES,
  SERVICE_NAMES,
  SURNAMES,
  THEME_PHRASES,
} from './vocabulary.js';

export interface ScaleOptions {
  practitioners: number;
  organisations: number;
  services: number;
  /** Same seed, same data. */
  seed: number;
  /** argon2 hash every generated account signs in with. */
  passwordHash: string;
  /** Connections between practitioners to make (default none). */
  connections?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ScaleCounts {
  areas: number;
  organisations: number;
  practitioners: number;
  services: number;
  connections: number;
}

/** Email of the n-th generated practitioner (0-based), e.g. for signing in during benchmarks. */
export function scaleEmail(index: number): string {
  return `person${index}@scale.cohesion.example`;
}

const BATCH = 5000;
const WARDS_PER_COUNCIL = 12;
const COMPASS = [
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Park',
  'Green',
  'Heath',
  'Vale',
  'Hill',
  'Bridge',
  'Fields',
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The link tables whose search-tag triggers are suspended during a bulk load (tags are rebuilt once at the end). */
const TAGGED_LINKS = [
  'organisation_themes',
  'organisation_areas',
  'practitioner_themes',
  'practitioner_areas',
  'practitioner_memberships',
  'service_taxonomy_terms',
  'service_areas',
  'service_locations',
];

interface Column {
  name: string;
  /** Element type of the array parameter, e.g. uuid or text. */
  type: string;
  /** How to turn the unnested value into the column (default: as is). */
  convert?: (value: string) => string;
}

const list = (value: string) => `string_to_array(${value}, ',')::varchar[]`;

/**
 * Inserts rows in batches with one `INSERT ... SELECT FROM unnest(arrays)` each: a
 * single statement and a single round trip per 5,000 rows.
 */
async function insertRows(
  db: Queryable,
  table: string,
  columns: Column[],
  rows: unknown[][],
  progress?: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, index) => batch.map((row) => row[index]));
    const aliases = columns.map((_, index) => `c${index}`);
    await db.query(
      `INSERT INTO ${table} (${columns.map((column) => column.name).join(', ')})
       SELECT ${columns.map((column, index) => (column.convert ? column.convert(aliases[index]) : aliases[index])).join(', ')}
         FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')}) AS u(${aliases.join(', ')})`,
      arrays,
    );
    progress?.(Math.min(start + BATCH, rows.length));
  }
}

function weightedKind(random: Random): string {
  const total = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'VCS';
}

function postcode(random: Random, council: (typeof COUNCILS)[number]): string {
  return `${random.pick(council.outcodes)} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

function near(random: Random, centre: readonly [number, number], spread: number): [number, number] {
  return [
    Number((centre[0] + random.gaussian(spread)).toFixed(6)),
    Number((centre[1] + random.gaussian(spread * 1.6)).toFixed(6)),
  ];
}

interface Place {
  council: (typeof COUNCILS)[number];
  councilId: string;
  wardIds: string[];
}

/**
 * Fills a migrated database with a realistic synthetic directory across the seven West
 * Midlands councils: organisations of every kind, practitioners who work at them,
 * services with venues, schedules and prices, tagged with themes and places.
 */
export async function generateScaleData(db: Queryable, options: ScaleOptions): Promise<ScaleCounts> {
  const random = new Random(options.seed);
  const progress = options.onProgress ?? (() => undefined);
  const places = await ensureAreas(db, random);
  const themes = await termCodes(db, 'cohesion-themes');
  const types = await termCodes(db, 'service-types');
  const themeCodes = Object.keys(THEME_PHRASES).filter((code) => themes.has(code));
  const phrase = (code: string) => random.pick(THEME_PHRASES[code]);

  let connections = 0;
  for (const table of TAGGED_LINKS) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_search_tags`);
  try {
    // Organisations
    const organisations: {
      id: string;
      place: Place;
      kind: string;
      latitude: number;
      longitude: number;
      themes: string[];
    }[] = [];
    const orgRows: unknown[][] = [];
    const orgAreas: unknown[][] = [];
    const orgThemes: unknown[][] = [];
    const identifiers: unknown[][] = [];
    for (let i = 0; i < options.organisations; i++) {
      const place = random.pick(places);
      const kind = weightedKind(random);
      const names = ORGANISATION_NAMES[kind];
      const town = random.pick(place.council.towns);
      const prefix = random.pick(names.prefix);
      const suffix = random.pick(names.suffix);
      const name = [kind === 'LOCAL_AUTHORITY' ? `${place.council.name} Council –` : town, prefix, suffix]
        .filter(Boolean)
        .join(' ');
      const chosenThemes = random.sample(themeCodes, random.int(1, 3));
      // Spread across the borough (boroughs are 6 to 9 km in radius).
      const [latitude, longitude] = near(random, place.council.centre, 0.11);
      const id = random.uuid();
      const languages = ['en', ...random.sample(LANGUAGES.slice(1), random.int(0, 2))];
      orgRows.push([
        id,
        `${name} ${i}`,
        kind,
        `${prefix} in ${town} working on ${chosenThemes.map(phrase).join(', ')}.`,
        `hello${i}@org.scale.example`,
        `0121 496 ${String(i % 1000).padStart(4, '0')}`,
        `${random.int(1, 300)} ${random.pick(['High Street', 'Church Road', 'Station Road', 'Park Lane', 'Victoria Road'])}`,
        town,
        postcode(random, place.council),
        latitude,
        longitude,
        kind === 'FAITH_GROUP' ? (FAITHS[prefix] ?? 'OTHER') : null,
        languages.join(','),
        random.chance(0.9),
        random.chance(0.95) ? 'PUBLIC' : 'MEMBERS',
      ]);
      const served = random.chance(0.4) ? [place.councilId] : random.sample(place.wardIds, random.int(1, 3));
      for (const areaId of served) orgAreas.push([id, areaId]);
      for (const code of chosenThemes) orgThemes.push([id, themes.get(code)]);
      if (kind === 'VCS' && random.chance(0.6)) identifiers.push([id, 'GB-CHC', String(8_000_000 + i)]);
      organisations.push({ id, place, kind, latitude, longitude, themes: chosenThemes });
    }
    await insertRows(
      db,
      'organisations',
      [
        { name: 'id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'description', type: 'text' },
        { name: 'email', type: 'text' },
        { name: 'phone', type: 'text' },
        { name: 'address_line1', type: 'text' },
        { name: 'town', type: 'text' },
        { name: 'postcode', type: 'text' },
        { name: 'latitude', type: 'float8' },
        { name: 'longitude', type: 'float8' },
        { name: 'faith_tradition', type: 'text' },
        { name: 'languages', type: 'text', convert: list },
        { name: 'verified', type: 'bool' },
        { name: 'visibility', type: 'text' },
      ],
      orgRows,
      (done) => progress('organisations', done, orgRows.length),
    );
    await insertRows(
      db,
      'organisation_areas',
      [
        { name: 'organisation_id', type: 'uuid' },
        { name: 'area_id', type: 'uuid' },
      ],
      orgAreas,
    );
    await insertRows(
      db,
      'organisation_themes',
      [
        { name: 'organisation_id', type: 'uuid' },
        { name: 'term_id', type: 'uuid' },
      ],
      orgThemes,
    );
    await insertRows(
      db,
      'organisation_identifiers',
      [
        { name: 'organisation_id', type: 'uuid' },
        { name: 'scheme', type: 'text' },
        { name: 'identifier', type: 'text' },
      ],
      identifiers,
    );
    const byCouncil = new Map<string, typeof organisations>();
    for (const organisation of organisations) {
      const group = byCouncil.get(organisation.place.councilId) ?? [];
      group.push(organisation);
      byCouncil.set(organisation.place.councilId, group);
    }

    // Practitioners
    const accounts: unknown[][] = [];
    /** Every generated person has verified their address: the benchmarks read as members. */
    const verifiedAt = new Date('2026-01-01T00:00:00Z').toISOString();
    const people: unknown[][] = [];
    const personAreas: unknown[][] = [];
    const personThemes: unknown[][] = [];
    const memberships: unknown[][] = [];
    const network: NetworkPerson[] = [];
    const organisationIndex = new Map(organisations.map((organisation, index) => [organisation.id, index]));
    const councilIndex = new Map(places.map((place, index) => [place.councilId, index]));
    for (let i = 0; i < options.practitioners; i++) {
      const id = random.uuid();
      const place = random.pick(places);
      const employer = random.pick(byCouncil.get(place.councilId) ?? organisations);
      const expertise = random.sample(themeCodes, random.int(1, 4));
      const town = random.pick(place.council.towns);
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
      accounts.push([id, scaleEmail(i), options.passwordHash, verifiedAt]);
      network.push({
        id,
        council: councilIndex.get(place.councilId) as number,
        employer: organisationIndex.get(employer.id) as number,
      });
      people.push([
        id,
        name,
        random.pick(JOB_TITLES[employer.kind]),
        `Works on ${expertise.map(phrase).join(' and ')} across ${town} and ${random.pick(place.council.towns)}.`,
        `Can help with ${phrase(expertise[0])}.`,
        `Looking for partners in ${phrase(random.pick(themeCodes))}.`,
        ['en', ...random.sample(LANGUAGES.slice(1), random.int(0, 2))].join(','),
        random.chance(0.95),
        random.chance(0.85),
        random.int(0, 10),
        `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}@work.scale.example`,
        random.pick(['MEMBERS', 'CONNECTIONS', 'CONNECTIONS', 'HIDDEN']),
      ]);
      for (const areaId of random.chance(0.3) ? [place.councilId] : random.sample(place.wardIds, random.int(1, 2))) {
        personAreas.push([id, areaId]);
      }
      for (const code of expertise) personThemes.push([id, themes.get(code)]);
      memberships.push([
        random.uuid(),
        id,
        employer.id,
        `${random.int(2012, 2025)}-0${random.int(1, 9)}-01`,
        null,
        'CONFIRMED',
      ]);
      if (random.chance(0.2)) {
        memberships.push([
          random.uuid(),
          id,
          random.pick(organisations).id,
          '2008-01-01',
          `${random.int(2009, 2011)}-12-31`,
          'CONFIRMED',
        ]);
      }
    }
    await insertRows(
      db,
      'accounts',
      [
        { name: 'id', type: 'uuid' },
        { name: 'email', type: 'text' },
        { name: 'password_hash', type: 'text' },
        { name: 'email_verified_at', type: 'timestamptz' },
      ],
      accounts,
      (done) => progress('accounts', done, accounts.length),
    );
    await insertRows(
      db,
      'practitioners',
      [
        { name: 'id', type: 'uuid' },
        { name: 'full_name', type: 'text' },
        { name: 'job_title', type: 'text' },
        { name: 'bio', type: 'text' },
        { name: 'can_help_with', type: 'text' },
        { name: 'looking_for', type: 'text' },
        { name: 'languages', type: 'text', convert: list },
        { name: 'discoverable', type: 'bool' },
        { name: 'open_to_introductions', type: 'bool' },
        { name: 'introductions_monthly_cap', type: 'int2' },
        { name: 'contact_email', type: 'text' },
        { name: 'contact_email_visibility', type: 'text' },
      ],
      people,
      (done) => progress('practitioners', done, people.length),
    );
    await insertRows(
      db,
      'practitioner_areas',
      [
        { name: 'practitioner_id', type: 'uuid' },
        { name: 'area_id', type: 'uuid' },
      ],
      personAreas,
    );
    await insertRows(
      db,
      'practitioner_themes',
      [
        { name: 'practitioner_id', type: 'uuid' },
        { name: 'term_id', type: 'uuid' },
      ],
      personThemes,
    );
    await insertRows(
      db,
      'practitioner_memberships',
      [
        { name: 'id', type: 'uuid' },
        { name: 'practitioner_id', type: 'uuid' },
        { name: 'organisation_id', type: 'uuid' },
        { name: 'start_date', type: 'date' },
        { name: 'end_date', type: 'date' },
        { name: 'status', type: 'text' },
      ],
      memberships,
    );

    // Services
    const services: unknown[][] = [];
    const venues: unknown[][] = [];
    const venueLinks: unknown[][] = [];
    const costs: unknown[][] = [];
    const schedules: unknown[][] = [];
    const serviceTerms: unknown[][] = [];
    const serviceAreas: unknown[][] = [];
    const typeCodes = Object.keys(SERVICE_NAMES).filter((code) => types.has(code));
    for (let i = 0; i < options.services; i++) {
      const provider = random.pick(organisations);
      const type = random.pick(typeCodes);
      const theme = random.pick(provider.themes);
      const town = random.pick(provider.place.council.towns);
      const id = random.uuid();
      const youth = theme === 'youth';
      const assured = `2026-${String(random.int(1, 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      services.push([
        id,
        provider.id,
        `${town} ${random.pick(SERVICE_NAMES[type])} ${i}`,
        `${random.pick(SERVICE_NAMES[type])} in ${town}: ${phrase(theme)}. ${random.chance(0.5) ? `Also ${phrase(random.pick(themeCodes))}.` : ''}`,
        random.chance(0.9) ? 'active' : random.pick(['inactive', 'temporarily closed']),
        youth ? random.int(8, 14) : random.chance(0.5) ? 18 : null,
        youth ? random.int(16, 25) : null,
        ['en', ...random.sample(LANGUAGES.slice(1), random.int(0, 3))].join(','),
        assured,
        random.chance(0.93) ? 'PUBLIC' : 'MEMBERS',
      ]);
      const [latitude, longitude] = near(random, [provider.latitude, provider.longitude], 0.01);
      const venueId = random.uuid();
      const wardId = random.pick(provider.place.wardIds);
      venues.push([
        venueId,
        provider.id,
        `${town} Community Centre`,
        town,
        postcode(random, provider.place.council),
        latitude,
        longitude,
        'COORDINATES',
        wardId,
      ]);
      venueLinks.push([random.uuid(), id, venueId]);
      costs.push([
        random.uuid(),
        id,
        random.chance(0.7) ? 'Free' : 'Small charge',
        random.chance(0.7) ? 0 : random.pick([150, 200, 300, 500]),
      ]);
      const days = random.sample(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], random.int(1, 2)).join(',');
      const opens = random.int(8, 18);
      schedules.push([
        random.uuid(),
        id,
        'WEEKLY',
        days,
        `${String(opens).padStart(2, '0')}:00`,
        `${String(opens + random.int(1, 3)).padStart(2, '0')}:00`,
      ]);
      serviceTerms.push([id, types.get(type)]);
      serviceTerms.push([id, themes.get(theme)]);
      serviceAreas.push([id, random.chance(0.5) ? provider.place.councilId : wardId]);
    }
    await insertRows(
      db,
      'services',
      [
        { name: 'id', type: 'uuid' },
        { name: 'organisation_id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'description', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'minimum_age', type: 'int2' },
        { name: 'maximum_age', type: 'int2' },
        { name: 'languages', type: 'text', convert: list },
        { name: 'assured_date', type: 'date' },
        { name: 'visibility', type: 'text' },
      ],
      services,
      (done) => progress('services', done, services.length),
    );
    await insertRows(
      db,
      'locations',
      [
        { name: 'id', type: 'uuid' },
        { name: 'organisation_id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'town', type: 'text' },
        { name: 'postcode', type: 'text' },
        { name: 'latitude', type: 'float8' },
        { name: 'longitude', type: 'float8' },
        { name: 'geocode_precision', type: 'text' },
        { name: 'area_id', type: 'uuid' },
      ],
      venues,
    );
    await insertRows(
      db,
      'service_locations',
      [
        { name: 'id', type: 'uuid' },
        { name: 'service_id', type: 'uuid' },
        { name: 'location_id', type: 'uuid' },
      ],
      venueLinks,
    );
    await insertRows(
      db,
      'service_cost_options',
      [
        { name: 'id', type: 'uuid' },
        { name: 'service_id', type: 'uuid' },
        { name: 'option', type: 'text' },
        { name: 'amount_pence', type: 'int4' },
      ],
      costs,
    );
    await insertRows(
      db,
      'service_schedules',
      [
        { name: 'id', type: 'uuid' },
        { name: 'service_id', type: 'uuid' },
        { name: 'freq', type: 'text' },
        { name: 'byday', type: 'text' },
        { name: 'opens_at', type: 'time' },
        { name: 'closes_at', type: 'time' },
      ],
      schedules,
    );
    await insertRows(
      db,
      'service_taxonomy_terms',
      [
        { name: 'service_id', type: 'uuid' },
        { name: 'term_id', type: 'uuid' },
      ],
      dedupe(serviceTerms),
    );
    await insertRows(
      db,
      'service_areas',
      [
        { name: 'service_id', type: 'uuid' },
        { name: 'area_id', type: 'uuid' },
      ],
      serviceAreas,
    );

    if (options.connections) {
      // Counted once at the end rather than by the trigger for each of millions of rows.
      await db.query('ALTER TABLE connections DISABLE TRIGGER connections_counted');
      try {
        connections = await generateConnections(db, network, {
          connections: options.connections,
          seed: options.seed + 1,
          onProgress: (done, total) => progress('connections', done, total),
        });
      } finally {
        await db.query('ALTER TABLE connections ENABLE TRIGGER connections_counted');
      }
      await db.query('SELECT recount_connections()');
    }

    progress('search tags', 0, 1);
    await db.query('SELECT refresh_search_fields()');
    progress('search tags', 1, 1);
    // Every person's employer confirmed them: who of them is a verified member follows.
    progress('member standing', 0, 1);
    await refreshStanding(db, undefined);
    progress('member standing', 1, 1);
  } finally {
    for (const table of TAGGED_LINKS) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_search_tags`);
  }
  // VACUUM flushes the GIN pending lists the bulk load filled (until then the planner
  // prices the text indexes as very expensive and reads whole tables); ANALYZE counts.
  await db.query('VACUUM ANALYZE');
  return {
    areas: places.length * (WARDS_PER_COUNCIL + 1),
    organisations: options.organisations,
    practitioners: options.practitioners,
    services: options.services,
    connections,
  };
}

function dedupe(rows: unknown[][]): unknown[][] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = row.join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function termCodes(db: Queryable, taxonomy: string): Promise<Map<string, string>> {
  const rows = (await db.query(
    'SELECT t.code, t.id FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id WHERE x.code = $1',
    [taxonomy],
  )) as { code: string; id: string }[];
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The region, the seven councils (reused when present, e.g. from the demo data) and a dozen wards each. */
async function ensureAreas(db: Queryable, random: Random): Promise<Place[]> {
  const find = async (code: string) =>
    ((await db.query('SELECT id FROM areas WHERE code = $1', [code])) as { id: string }[])[0]?.id;
  let regionId = await find('E12000005');
  if (!regionId) {
    regionId = random.uuid();
    await db.query(`INSERT INTO areas (id, kind, name, code) VALUES ($1, 'REGION', 'West Midlands', 'E12000005')`, [
      regionId,
    ]);
  }
  const places: Place[] = [];
  for (const council of COUNCILS) {
    let councilId = await find(council.code);
    if (!councilId) {
      councilId = random.uuid();
      await db.query(`INSERT INTO areas (id, parent_id, kind, name, code) VALUES ($1, $2, 'LOCAL_AUTHORITY', $3, $4)`, [
        councilId,
        regionId,
        council.name,
        council.code,
      ]);
    }
    const wardIds: string[] = [];
    for (let w = 0; w < WARDS_PER_COUNCIL; w++) {
      const name = `${council.towns[w % council.towns.length]} ${COMPASS[w]}`;
      const existing = (await db.query(`SELECT id FROM areas WHERE parent_id = $1 AND name = $2`, [
        councilId,
        name,
      ])) as {
        id: string;
      }[];
      const id = existing[0]?.id ?? random.uuid();
      if (!existing[0]) {
        await db.query(`INSERT INTO areas (id, parent_id, kind, name) VALUES ($1, $2, 'WARD', $3)`, [
          id,
          councilId,
          name,
        ]);
      }
      wardIds.push(id);
    }
    places.push({ council, councilId, wardIds });
  }
  return places;
}
