import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  OpenReferralImportService,
  orukProblems,
  orukStandardDir,
  type OrukImportReport,
} from '@cohesion/open-referral';
import {
  countRows,
  createAdmin,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTestApp,
  errorCode,
  errorFields,
  runCommandLine,
  runCommandLineIntoSlowPipe,
  termId,
  type Created,
  type GqlResult,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

type Json = Record<string, unknown>;

const IMPORT = `mutation Import($url: String!) {
  importOpenReferralFeed(url: $url) {
    source issuesNotListed
    services { total created updated unchanged skipped invalid }
    organisations { total created updated unchanged skipped invalid }
    taxonomies { total created updated unchanged skipped invalid }
    taxonomyTerms { total created updated unchanged skipped invalid }
    invalid { recordType sourceId name at messages }
    skipped { recordType sourceId name at messages }
    warnings { recordType sourceId name at messages }
  } }`;

type Report = OrukImportReport;

const uuid = () => randomUUID();

/** An ORUK 3.0 organization, valid against the schema. */
function organization(fields: Json = {}): Json {
  return {
    id: uuid(),
    name: 'Caldmore Voices',
    description: 'A community interest company running conversation cafes in Caldmore.',
    email: 'hello@caldmore-voices.example.org',
    website: 'https://caldmore-voices.example.org',
    organization_identifiers: [],
    ...fields,
  };
}

function location(fields: Json = {}, address: Json = {}): Json {
  return {
    id: uuid(),
    location_type: 'physical',
    name: 'Caldmore Community Centre',
    description: 'The hall behind the green.',
    latitude: 52.579,
    longitude: -1.987,
    addresses: [
      {
        id: uuid(),
        address_1: '2 Caldmore Green',
        address_2: 'Caldmore',
        city: 'Walsall',
        state_province: 'West Midlands',
        postal_code: 'ws1 3rp',
        country: 'GB',
        address_type: 'physical',
        ...address,
      },
    ],
    ...fields,
  };
}

/** A fully nested ORUK 3.0 service, as GET /services/{id} gives it. */
function service(org: Json, fields: Json = {}): Json {
  return {
    id: uuid(),
    organization_id: org.id,
    name: 'English conversation cafe',
    description: 'Practise everyday English over tea with neighbours.',
    url: 'https://caldmore-voices.example.org/cafe',
    email: 'cafe@caldmore-voices.example.org',
    status: 'active',
    fees: 'Free for asylum seekers',
    eligibility_description: 'Adults new to English',
    minimum_age: 16,
    maximum_age: 99,
    assured_date: '2025-01-15',
    assurer_email: 'assurer@walsall.example.org',
    last_modified: '2025-02-01T09:30:00.000Z',
    organization: org,
    schedules: [
      {
        id: uuid(),
        freq: 'WEEKLY',
        interval: 1,
        byday: 'TU,TH',
        opens_at: '18:00',
        closes_at: '20:00',
        valid_from: '2025-01-01',
        valid_to: '2025-12-31',
        description: 'Term time only',
      },
    ],
    contacts: [
      {
        id: uuid(),
        name: 'Amira Khan',
        title: 'Coordinator',
        email: 'Amira@Caldmore-Voices.example.org',
        phones: [{ id: uuid(), number: '0121 496 0123' }],
      },
    ],
    cost_options: [{ id: uuid(), option: 'Adults', amount: 2.5, amount_description: 'per session' }],
    languages: [
      { id: uuid(), code: 'en', name: 'English' },
      { id: uuid(), code: 'pa', name: 'Punjabi' },
      { id: uuid(), name: 'A language without a code' },
    ],
    service_areas: [
      { id: uuid(), name: 'Walsall', uri: 'http://statistics.data.gov.uk/id/statistical-geography/E08000030' },
      { id: uuid(), name: 'pleck' },
    ],
    service_at_locations: [{ id: uuid(), location: location() }],
    attributes: [
      {
        id: uuid(),
        taxonomy_term: {
          id: uuid(),
          name: 'Integration and ESOL',
          description: 'Integration and English for speakers of other languages.',
          taxonomy: 'Cohesion themes',
          term: 'integration-and-esol',
        },
      },
      {
        id: uuid(),
        taxonomy_term: {
          id: uuid(),
          name: 'Conversation club',
          description: 'Informal practice of a language in a group.',
          taxonomy: 'LGA service types',
          taxonomy_id: uuid(),
          term_uri: 'https://example.org/lga/conversation-club',
          term: 'Conversation club',
        },
      },
    ],
    ...fields,
  };
}

/**
 * A small ORUK feed server on loopback: any number of feeds under /{feed}, each paging
 * its services two to a page whatever per_page asks, with services that fail (503) or
 * never answer, and a feed that answers HTML.
 */
class FeedServer {
  readonly feeds = new Map<string, Json[]>();
  /** What each feed's /organizations/{id} gives. */
  readonly organisations = new Map<string, Json[]>();
  readonly failing = new Set<string>();
  readonly hanging = new Set<string>();
  private server: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const [, feed, resource, id] = url.pathname.split('/');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (feed === 'html') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!DOCTYPE html><html><body>Service directory</body></html>');
        return;
      }
      const services = this.feeds.get(feed);
      if (services && resource === 'organizations' && id) {
        const found = (this.organisations.get(feed) ?? []).find((item) => item.id === id);
        return found ? send(200, found) : send(404, { message: 'Not found' });
      }
      if (!services || resource !== 'services') return send(404, { message: 'Not found' });
      if (id) {
        if (this.hanging.has(id)) return; // never answers
        if (this.failing.has(id)) return send(503, { message: 'Service unavailable' });
        const found = services.find((item) => item.id === id);
        return found ? send(200, found) : send(404, { message: 'Not found' });
      }
      const size = Math.min(Number(url.searchParams.get('per_page') ?? 50), 2);
      const page = Number(url.searchParams.get('page') ?? 1);
      const totalPages = Math.max(1, Math.ceil(services.length / size));
      const contents = services
        .slice((page - 1) * size, page * size)
        .map(({ id: itemId, name, status, organization_id }) => ({ id: itemId, name, status, organization_id }));
      send(200, {
        total_items: services.length,
        total_pages: totalPages,
        page_number: page,
        size,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: contents.length === 0,
        contents,
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(feed: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}/${feed}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('importing Open Referral UK feeds and files', () => {
  let t: TestApp;
  let admin: TestPractitioner;
  let feeds: FeedServer;
  let walsall: Created;
  let pleck: Created;

  beforeAll(async () => {
    t = await createTestApp({ ORUK_IMPORT_ALLOW_PRIVATE_NET: 'true', ORUK_IMPORT_TIMEOUT_MS: '1500' });
    admin = await createAdmin(t);
    walsall = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Walsall', code: 'E08000030' });
    pleck = await createArea(t, { kind: 'WARD', name: 'Pleck', code: 'E05099101', parentId: walsall.id });
    feeds = new FeedServer();
    await feeds.start();
  });
  afterAll(async () => {
    await feeds?.stop();
    await t?.close();
  });

  async function importAs(
    token: string | undefined,
    url: string,
  ): Promise<GqlResult<{ importOpenReferralFeed: Report }>> {
    return t.gql<{ importOpenReferralFeed: Report }>(IMPORT, { url }, token);
  }

  async function imported(url: string): Promise<Report> {
    const result = await importAs(admin.token, url);
    expect(result.errors).toBeUndefined();
    return result.data.importOpenReferralFeed;
  }

  function importFile(name: string, document: unknown): Promise<Report> {
    return t.app.get(OpenReferralImportService).importDocument(null, name, document);
  }

  /** Row counts of everything an import writes, to show that nothing changed. */
  async function footprint(): Promise<Record<string, number>> {
    const tables = [
      'organisations',
      'organisation_identifiers',
      'services',
      'service_schedules',
      'service_contacts',
      'service_cost_options',
      'service_locations',
      'locations',
      'service_taxonomy_terms',
      'service_areas',
      'taxonomies',
      'taxonomy_terms',
      'audit_entries',
    ];
    return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await countRows(t, table)])));
  }

  async function serviceRow(id: string): Promise<Json | undefined> {
    const [row] = await t.db.query<Json[]>(
      `SELECT s.id, s.organisation_id AS "organisationId", s.name, s.description, s.url, s.email, s.status, s.fees,
              s.eligibility_description AS "eligibilityDescription", s.minimum_age AS "minimumAge",
              s.maximum_age AS "maximumAge", s.languages, s.assured_date::text AS "assuredDate",
              s.assurer_email AS "assurerEmail", s.updated_at AS "updatedAt", s.visibility, s.version,
              s.source_feed AS "sourceFeed", s.source_id AS "sourceId"
         FROM services s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  async function organisationRow(id: string): Promise<Json | undefined> {
    const [row] = await t.db.query<Json[]>(
      `SELECT o.id, o.name, o.kind, o.description, o.email, o.website, o.verified, o.visibility,
              o.source_feed AS "sourceFeed", o.source_id AS "sourceId",
              ARRAY(SELECT scheme || '-' || identifier FROM organisation_identifiers WHERE organisation_id = o.id) AS identifiers
         FROM organisations o WHERE o.id = $1`,
      [id],
    );
    return row;
  }

  const messagesOf = (issues: Report['warnings'], sourceId: string) =>
    issues.filter((issue) => issue.sourceId === sourceId).flatMap((issue) => issue.messages);

  describe('the example files of the standard', () => {
    const examples = join(orukStandardDir(), 'examples');
    const read = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as unknown;

    it('imports service_full.json, leaving out what the directory cannot hold with warnings', async () => {
      const example = read('service_full.json') as Json;
      const report = await importFile('service_full.json', example);
      expect(report.services).toMatchObject({ total: 1, created: 1, invalid: 0 });
      expect(report.organisations).toMatchObject({ created: 1 });
      expect(report.invalid).toEqual([]);
      const id = 'ac148810-d857-441c-9679-408f346de14b';
      expect(messagesOf(report.warnings, id)).toEqual(
        expect.arrayContaining([
          'service_at_locations[0].location.latitude: 100 is not a latitude (-90 to 90); the position is left out',
          expect.stringMatching(/^service_areas\[0\]: no area of this directory matches/),
        ]),
      );
      expect(messagesOf(report.warnings, 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610')).toEqual([
        'organization_identifiers[0].identifier: GB-COH-1234567 is read as GB-COH-01234567 (Companies House numbers have 8 digits)',
      ]);

      expect(await serviceRow(id)).toMatchObject({
        name: 'Community Counselling',
        status: 'active',
        minimumAge: 12,
        maximumAge: 100,
        assuredDate: '2005-01-01',
        updatedAt: new Date('2023-03-15T10:30:45.123Z'),
        visibility: 'PUBLIC',
        sourceFeed: 'service_full.json',
        sourceId: id,
      });
      expect(await organisationRow('d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610')).toMatchObject({
        name: 'Example Organization Inc.',
        kind: 'VCS',
        verified: true,
        visibility: 'PUBLIC',
        identifiers: ['GB-COH-01234567'],
      });
      // The publisher's ids are kept, down to the schedule, the cost option and the service_at_location.
      const [parts] = await t.db.query<Json[]>(
        `SELECT (SELECT json_agg(id) FROM service_schedules WHERE service_id = $1) AS schedules,
                (SELECT json_agg(json_build_object('id', id, 'pence', amount_pence)) FROM service_cost_options WHERE service_id = $1) AS costs,
                (SELECT json_agg(json_build_object('id', sl.id, 'location', l.id, 'postcode', l.postcode, 'latitude', l.latitude))
                   FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = $1) AS places`,
        [id],
      );
      expect(parts).toEqual({
        schedules: ['48102e86-bb50-41c4-8f1e-e269368c41d1'],
        costs: [{ id: '1fdf4d39-3d80-484d-9f92-a8ffa08621e7', pence: 3500 }],
        places: [
          {
            id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
            location: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
            postcode: 'ABC 1234',
            latitude: null,
          },
        ],
      });
      // Its address, in the US, is published again as the publisher gave it, down to its id.
      const published = await t.http().get(`/openreferral/v3/services/${id}`);
      expect(published.status).toBe(200);
      expect(orukProblems('service', published.body)).toEqual([]);
      const place = (service: Json) => ((service.service_at_locations as Json[])[0].location as Json).addresses;
      const [address] = place(example) as Json[];
      expect(address).toMatchObject({ country: 'US', state_province: 'MyState', region: 'MyRegion' });
      expect(place(published.body as Json)).toEqual([
        { ...address, location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5' },
      ]);
    });

    it('imports every other example file, and a second round of all of them changes nothing', async () => {
      const files = readdirSync(examples)
        .filter((file) => file.endsWith('.json'))
        .sort();
      const outcomes = async () => {
        const reports: Record<string, Report> = {};
        for (const file of files) reports[file] = await importFile(file, read(file));
        return reports;
      };
      const first = await outcomes();
      for (const [file, report] of Object.entries(first)) {
        expect({ file, invalid: report.invalid }).toEqual({ file, invalid: [] });
      }
      // The taxonomy files bring their taxonomy and terms.
      expect(first['taxonomy.json'].taxonomies.created).toBe(1);
      const before = await footprint();
      const second = await outcomes();
      for (const [file, report] of Object.entries(second)) {
        const changed = [report.services, report.organisations, report.taxonomies, report.taxonomyTerms].map(
          (counts) => counts.created + counts.updated + counts.invalid,
        );
        expect({ file, changed }).toEqual({ file, changed: [0, 0, 0, 0] });
      }
      expect(await footprint()).toEqual(before);
    });

    describe('their services without an organization, which the schema does not require', () => {
      /** The document with fresh ids throughout (the same fresh id for the same id), so it is new to the directory. */
      const freshIds = (document: unknown): Json => {
        const fresh = new Map<string, string>();
        const text = JSON.stringify(document).replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
          (id) => {
            if (!fresh.has(id)) fresh.set(id, uuid());
            return fresh.get(id) as string;
          },
        );
        return JSON.parse(text) as Json;
      };
      /** The services of a document (as service_at_location records carry them too). */
      const servicesOf = (document: Json): Json[] =>
        (Array.isArray(document.contents) ? (document.contents as Json[]) : [document]).flatMap((item) =>
          item.service && typeof item.service === 'object' ? [item.service as Json] : 'status' in item ? [item] : [],
        );
      const files = readdirSync(examples)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .flatMap((file) => {
          const document = freshIds(read(file));
          const services = servicesOf(document);
          // An organization's own services belong to it.
          return services.length && !file.startsWith('organization') ? [{ file, document, services }] : [];
        });
      const owned = files.map(({ file, document }) => ({
        file,
        document: JSON.parse(JSON.stringify(document)) as Json,
      }));
      for (const { services } of files) {
        for (const item of services) {
          delete item.organization;
          delete item.organization_id;
        }
      }
      const reports: Record<string, Report> = {};

      beforeAll(async () => {
        for (const { file, document } of files) reports[file] = await importFile(`without-owner-${file}`, document);
      });

      it('are valid ORUK services', () => {
        expect(files.map(({ file }) => file)).toEqual([
          'service_at_location_full.json',
          'service_at_location_list.json',
          'service_full.json',
          'service_list.json',
        ]);
        for (const { file, services } of files) {
          for (const item of services)
            expect({ file, problems: orukProblems('service', item) }).toEqual({ file, problems: [] });
        }
      });

      it('import, each file’s under one organisation standing for its publisher’s unknown owner, and say so', async () => {
        for (const { file, services } of files) {
          const report = reports[file];
          expect({ file, invalid: report.invalid, services: report.services.created }).toEqual({
            file,
            invalid: [],
            services: services.length,
          });
          const [owner] = await t.db.query<Json[]>(
            `SELECT o.name, o.description, o.verified, o.unknown_owner AS "unknownOwner", o.source_feed AS "sourceFeed",
                    count(s.id)::int AS services
               FROM services s JOIN organisations o ON o.id = s.organisation_id
              WHERE s.source_id = ANY($1::uuid[]) GROUP BY o.id`,
            [services.map((item) => item.id)],
          );
          expect(owner).toEqual({
            name: `Organisation not given by without-owner-${file}`,
            description: expect.stringContaining('stands for the organisation') as unknown,
            verified: false,
            unknownOwner: true,
            sourceFeed: `without-owner-${file}`,
            services: services.length,
          });
          for (const item of services) {
            expect(messagesOf(report.warnings, item.id as string)).toContain(
              `organization: is not given; kept under "Organisation not given by without-owner-${file}", which stands for its publisher's unknown organisation, and not published again until the service names its organization (or organization_id)`,
            );
            // Not published as if this directory knew who runs it.
            expect((await t.http().get(`/openreferral/v3/services/${item.id as string}`)).status).toBe(404);
          }
        }
      });

      it('refuse only a service naming by organization_id an organisation nobody gave, saying what to give', async () => {
        const [service] = servicesOf(freshIds(read('service_full.json')));
        delete service.organization;
        const missing = uuid();
        const report = await importFile('owner-elsewhere.json', { ...service, organization_id: missing });
        expect(report.invalid).toEqual([
          expect.objectContaining({
            sourceId: service.id,
            messages: [
              `organization_id: ${missing} is an organization neither this import nor the directory has: give the organization in the service, or import it first (as organization_full.json or the feed's /organizations/{id} give it)`,
            ],
          }),
        ]);
        const { organization_identifiers: _identifiers, ...organisation } = read('organization_full.json') as Json;
        const owner = { ...organisation, id: missing, services: [] };
        const both = await importFile('owner-elsewhere.json', [owner, { ...service, organization_id: missing }]);
        expect(both.invalid).toEqual([]);
        expect((await serviceRow(service.id as string))?.organisationId).toBe(missing);
      });

      it('move to their organisation once the publisher gives it, and change nothing when imported again', async () => {
        const again = await importFile(`without-owner-${files[0].file}`, files[0].document);
        expect(again.services).toMatchObject({ created: 0, updated: 0, invalid: 0 });
        expect(again.organisations).toMatchObject({ created: 0, updated: 0 });
        const { file, document } = owned[0];
        const given = await importFile(`without-owner-${file}`, document);
        expect(given.services).toMatchObject({ updated: files[0].services.length, invalid: 0 });
        const [service] = servicesOf(document);
        // Its organisation, or the one the directory already has with the same Companies House number.
        const [owner] = await t.db.query<Json[]>(
          `SELECT o.name, o.unknown_owner AS "unknownOwner" FROM services s JOIN organisations o ON o.id = s.organisation_id
            WHERE s.source_id = $1`,
          [service.id],
        );
        expect(owner).toEqual({ name: (service.organization as Json).name, unknownOwner: false });
      });
    });
  });

  describe('a feed served on loopback', () => {
    const cafeOrg = organization();
    const charityOrg = organization({
      name: 'Pleck Community Sports CIO',
      description: 'Football for all ages.',
      organization_identifiers: [
        { id: uuid(), identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1123456' },
      ],
    });
    const cafe = service(cafeOrg);
    const football = service(charityOrg, {
      name: 'Friday night football',
      attributes: [],
      service_areas: [],
      languages: [],
    });
    const invalid = service(cafeOrg, { name: 'Broken status', status: 'open' });
    const unreachable = service(cafeOrg, { name: 'Behind a broken server' });
    const slow = service(cafeOrg, { name: 'Never answers' });
    // A second service at the cafe's place, from the same organisation.
    const walks = service(cafeOrg, {
      name: 'Women’s walking group',
      service_at_locations: [{ id: uuid(), location: (cafe.service_at_locations as Json[])[0].location }],
      attributes: [],
    });
    let charity: Created;
    let native: Created;
    let first: Report;

    beforeAll(async () => {
      charity = await createOrganisation(t, { name: 'Pleck Community Sports', identifiers: ['GB-CHC-1123456'] });
      native = await createService(t, { organisationId: charity.id, name: 'Our own youth club' });
      const copy = service(cafeOrg, { id: native.id, name: 'A copy of our own youth club' });
      feeds.feeds.set('walsall', [cafe, football, invalid, unreachable, copy, slow, walks]);
      feeds.failing.add(unreachable.id as string);
      feeds.hanging.add(slow.id as string);
      first = await imported(`${feeds.url('walsall')}/`);
    });

    it('pages through the list and imports each service in full, reporting the ones it cannot', async () => {
      expect(first.source).toBe(feeds.url('walsall'));
      expect(first.services).toEqual({ total: 7, created: 3, updated: 0, unchanged: 0, skipped: 1, invalid: 3 });
      const invalidById = Object.fromEntries(first.invalid.map((issue) => [issue.sourceId, issue]));
      expect(invalidById[invalid.id as string]).toMatchObject({
        recordType: 'SERVICE',
        name: 'Broken status',
        at: `services/${invalid.id as string}`,
        messages: ['status: must be one of "active", "inactive", "defunct", "temporarily closed"'],
      });
      expect(invalidById[unreachable.id as string].messages).toEqual([
        expect.stringMatching(/^could not be fetched: .*\/services\/[0-9a-f-]+ answered HTTP 503$/),
      ]);
      expect(invalidById[slow.id as string].messages).toEqual([
        expect.stringContaining('no complete answer within 1500 ms'),
      ]);
      expect(await serviceRow(invalid.id as string)).toBeUndefined();
      expect(await serviceRow(unreachable.id as string)).toBeUndefined();
    });

    it('maps every part of a service, keeping the publisher’s ids and marking the source', async () => {
      const id = cafe.id as string;
      expect(await serviceRow(id)).toMatchObject({
        id,
        organisationId: cafeOrg.id,
        name: 'English conversation cafe',
        description: 'Practise everyday English over tea with neighbours.',
        url: 'https://caldmore-voices.example.org/cafe',
        email: 'cafe@caldmore-voices.example.org',
        status: 'active',
        fees: 'Free for asylum seekers',
        eligibilityDescription: 'Adults new to English',
        minimumAge: 16,
        maximumAge: 99,
        languages: ['en', 'pa'],
        assuredDate: '2025-01-15',
        assurerEmail: 'assurer@walsall.example.org',
        updatedAt: new Date('2025-02-01T09:30:00.000Z'),
        visibility: 'PUBLIC',
        sourceFeed: feeds.url('walsall'),
        sourceId: id,
      });
      const [schedule] = cafe.schedules as Json[];
      const [contact] = cafe.contacts as Json[];
      const [cost] = cafe.cost_options as Json[];
      const [link] = cafe.service_at_locations as Json[];
      const place = link.location as Json;
      const [parts] = await t.db.query<Json[]>(
        `SELECT (SELECT json_agg(json_build_object('id', id, 'freq', freq, 'interval', interval, 'byday', byday,
                   'opensAt', opens_at, 'closesAt', closes_at, 'validFrom', valid_from, 'validTo', valid_to, 'description', description))
                   FROM service_schedules WHERE service_id = $1) AS schedules,
                (SELECT json_agg(json_build_object('id', id, 'name', name, 'title', title, 'email', email, 'phone', phone))
                   FROM service_contacts WHERE service_id = $1) AS contacts,
                (SELECT json_agg(json_build_object('id', id, 'option', option, 'pence', amount_pence, 'description', amount_description))
                   FROM service_cost_options WHERE service_id = $1) AS costs,
                (SELECT json_agg(json_build_object('id', sl.id, 'location', l.id, 'organisation', l.organisation_id,
                   'name', l.name, 'line1', l.address_line1, 'line2', l.address_line2, 'town', l.town, 'postcode', l.postcode,
                   'latitude', l.latitude, 'longitude', l.longitude, 'source', l.source_id))
                   FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = $1) AS places,
                ARRAY(SELECT area_id FROM service_areas WHERE service_id = $1 ORDER BY area_id) AS areas`,
        [id],
      );
      expect(parts).toEqual({
        schedules: [
          {
            id: schedule.id,
            freq: 'WEEKLY',
            interval: 1,
            byday: 'TU,TH',
            opensAt: '18:00:00',
            closesAt: '20:00:00',
            validFrom: '2025-01-01',
            validTo: '2025-12-31',
            description: 'Term time only',
          },
        ],
        contacts: [
          {
            id: contact.id,
            name: 'Amira Khan',
            title: 'Coordinator',
            email: 'amira@caldmore-voices.example.org',
            phone: '0121 496 0123',
          },
        ],
        costs: [{ id: cost.id, option: 'Adults', pence: 250, description: 'per session' }],
        places: [
          {
            id: link.id,
            location: place.id,
            organisation: cafeOrg.id,
            name: 'Caldmore Community Centre',
            line1: '2 Caldmore Green',
            line2: 'Caldmore',
            town: 'Walsall',
            postcode: 'WS1 3RP',
            latitude: 52.579,
            longitude: -1.987,
            source: place.id,
          },
        ],
        areas: [walsall.id, pleck.id].sort(),
      });
      // The second service at the same place shares the location row.
      const [{ count }] = await t.db.query<{ count: number }[]>(
        'SELECT count(DISTINCT location_id)::int AS count FROM service_locations WHERE service_id = ANY($1::uuid[])',
        [[cafe.id, walks.id]],
      );
      expect(count).toBe(1);
    });

    it('publishes each place’s address again with every field the publisher gave', async () => {
      const published = await t.http().get(`/openreferral/v3/services/${cafe.id as string}`);
      expect(published.status).toBe(200);
      const given = (cafe.service_at_locations as Json[])[0].location as Json;
      const [address] = given.addresses as Json[];
      expect(((published.body as Json).service_at_locations as Json[])[0].location).toMatchObject({
        id: given.id,
        addresses: [{ ...address, postal_code: 'WS1 3RP', location_id: given.id }],
      });
    });

    it('links this directory’s own terms by taxonomy and code, and adds other vocabularies marked with their source', async () => {
      const esol = await termId(t, 'cohesion-themes', 'integration-and-esol');
      const [, club] = (cafe.attributes as Json[]).map((attribute) => attribute.taxonomy_term as Json);
      const terms = await t.db.query<{ id: string; code: string; taxonomy: string; sourceId: string | null }[]>(
        `SELECT t.id, t.code, x.name AS taxonomy, t.source_id AS "sourceId" FROM service_taxonomy_terms st
           JOIN taxonomy_terms t ON t.id = st.term_id JOIN taxonomies x ON x.id = t.taxonomy_id
          WHERE st.service_id = $1 ORDER BY t.code`,
        [cafe.id],
      );
      expect(terms).toEqual([
        { id: club.id, code: 'conversation-club', taxonomy: 'LGA service types', sourceId: club.id },
        { id: esol.id, code: 'integration-and-esol', taxonomy: 'Cohesion themes', sourceId: null },
      ]);
      const [taxonomy] = await t.db.query<Json[]>(
        `SELECT id, code, source_id AS "sourceId", source_feed AS "sourceFeed" FROM taxonomies WHERE name = 'LGA service types'`,
      );
      expect(taxonomy).toEqual({
        id: club.taxonomy_id,
        code: 'lga-service-types',
        sourceId: club.taxonomy_id,
        sourceFeed: feeds.url('walsall'),
      });
      expect(first.taxonomies).toMatchObject({ created: 1 });
      expect(first.taxonomyTerms).toMatchObject({ created: 1 });
    });

    it('lists a new organisation as a verified, public VCS group marked with its source', async () => {
      expect(await organisationRow(cafeOrg.id as string)).toEqual({
        id: cafeOrg.id,
        name: 'Caldmore Voices',
        kind: 'VCS',
        description: 'A community interest company running conversation cafes in Caldmore.',
        email: 'hello@caldmore-voices.example.org',
        website: 'https://caldmore-voices.example.org',
        verified: true,
        visibility: 'PUBLIC',
        sourceFeed: feeds.url('walsall'),
        sourceId: cafeOrg.id,
        identifiers: [],
      });
      expect(first.organisations).toEqual({ total: 2, created: 1, updated: 0, unchanged: 0, skipped: 1, invalid: 0 });
    });

    it('finds an organisation of the directory by its GB-CHC number, links the service and keeps the organisation as it is', async () => {
      expect((await serviceRow(football.id as string))?.organisationId).toBe(charity.id);
      expect(await organisationRow(charity.id)).toMatchObject({
        name: 'Pleck Community Sports',
        sourceId: null,
        identifiers: ['GB-CHC-1123456'],
      });
      expect(await organisationRow(charityOrg.id as string)).toBeUndefined();
      expect(first.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            recordType: 'ORGANISATION',
            sourceId: charityOrg.id,
            messages: [
              'organization_identifiers: GB-CHC-1123456 is Pleck Community Sports, listed in this directory; it keeps its own details and the imported services are linked to it',
            ],
          }),
        ]),
      );
    });

    it('skips a service whose id is one of this directory’s own, and leaves that one alone', async () => {
      expect(first.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            recordType: 'SERVICE',
            sourceId: native.id,
            messages: [
              'id: Our own youth club is a service of this directory with this id, not an imported one; it is left as it is',
            ],
          }),
        ]),
      );
      expect(await serviceRow(native.id)).toMatchObject({ name: 'Our own youth club', sourceId: null });
    });

    it('audits each organisation and service it created as an import by the admin', async () => {
      const rows = await t.db.query<{ type: string; action: string; actor: string | null; before: unknown }[]>(
        `SELECT entity_type AS type, action, actor_account_id AS actor, before FROM audit_entries
          WHERE entity_id = ANY($1::uuid[]) ORDER BY id`,
        [[cafeOrg.id, cafe.id, football.id, walks.id]],
      );
      expect(rows).toEqual([
        { type: 'Organisation', action: 'import', actor: admin.id, before: null },
        { type: 'Service', action: 'import', actor: admin.id, before: null },
        { type: 'Service', action: 'import', actor: admin.id, before: null },
        { type: 'Service', action: 'import', actor: admin.id, before: null },
      ]);
    });

    it('changes nothing when the same feed is imported again', async () => {
      const before = await footprint();
      const again = await imported(feeds.url('walsall'));
      expect(again.services).toEqual({ total: 7, created: 0, updated: 0, unchanged: 3, skipped: 1, invalid: 3 });
      expect(again.organisations).toEqual({ total: 2, created: 0, updated: 0, unchanged: 1, skipped: 1, invalid: 0 });
      expect(again.taxonomyTerms).toMatchObject({ created: 0, updated: 0 });
      expect(await footprint()).toEqual(before);
      expect((await serviceRow(cafe.id as string))?.version).toBe(1);
    });

    it('updates a service that changed at the source, and audits what it was and is', async () => {
      const [schedule] = cafe.schedules as Json[];
      Object.assign(cafe, {
        name: 'English conversation cafe and library',
        minimum_age: 18,
        last_modified: '2025-03-01T12:00:00.000Z',
        schedules: [{ ...schedule, byday: 'WE', opens_at: '17:30' }],
      });
      const report = await imported(feeds.url('walsall'));
      expect(report.services).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      expect(await serviceRow(cafe.id as string)).toMatchObject({
        name: 'English conversation cafe and library',
        minimumAge: 18,
        updatedAt: new Date('2025-03-01T12:00:00.000Z'),
        version: 2,
      });
      const [entry] = await t.db.query<{ before: Json; after: Json; actor: string }[]>(
        `SELECT before, after, actor_account_id AS actor FROM audit_entries
          WHERE entity_id = $1 AND before IS NOT NULL`,
        [cafe.id],
      );
      expect(entry.actor).toBe(admin.id);
      expect(entry.before).toMatchObject({ name: 'English conversation cafe', minimumAge: 16 });
      expect(entry.after).toMatchObject({
        name: 'English conversation cafe and library',
        minimumAge: 18,
        schedules: [expect.objectContaining({ byday: 'WE', opensAt: '17:30:00' })],
      });
      const [row] = await t.db.query<{ id: string }[]>('SELECT id FROM service_schedules WHERE service_id = $1', [
        cafe.id,
      ]);
      expect(row.id).toBe(schedule.id);
    });

    it('writes nothing of a service the database refuses part way, while the others load', async () => {
      await t.db.query(
        `ALTER TABLE service_contacts ADD CONSTRAINT ck_test_refused_contact CHECK (name IS DISTINCT FROM 'Refused Contact')`,
      );
      try {
        const newOrg = organization({ name: 'Bloxwich Befrienders' });
        const refused = service(newOrg, {
          name: 'Befriending calls',
          contacts: [{ id: uuid(), name: 'Refused Contact', title: 'Volunteer' }],
          attributes: [
            {
              id: uuid(),
              taxonomy_term: {
                id: uuid(),
                name: 'Phone befriending',
                description: 'A weekly call from a volunteer.',
                taxonomy: 'Befriending types',
                taxonomy_id: uuid(),
                term: 'phone',
              },
            },
          ],
        });
        const fine = service(organization({ name: 'Darlaston Dads' }), { name: 'Dads and toddlers' });
        const before = await footprint();
        feeds.feeds.set('refusing', [refused, fine]);
        const report = await imported(feeds.url('refusing'));
        expect(report.services).toMatchObject({ created: 1, invalid: 1 });
        expect(report.invalid).toEqual([
          expect.objectContaining({
            sourceId: refused.id,
            messages: ['could not be saved: it breaks the rule ck_test_refused_contact'],
          }),
        ]);
        expect(await serviceRow(refused.id as string)).toBeUndefined();
        expect(await organisationRow(newOrg.id as string)).toBeUndefined();
        const [place] = (refused.service_at_locations as Json[]).map((link) => link.location as Json);
        expect(await t.db.query('SELECT id FROM locations WHERE source_id = $1', [place.id])).toEqual([]);
        const [term] = (refused.attributes as Json[]).map((attribute) => attribute.taxonomy_term as Json);
        expect(await t.db.query('SELECT id FROM taxonomy_terms WHERE source_id = $1', [term.id])).toEqual([]);
        expect(await t.db.query('SELECT id FROM taxonomies WHERE source_id = $1', [term.taxonomy_id])).toEqual([]);
        const after = await footprint();
        // Only the fine service, its organisation and their rows were added.
        expect(after.services).toBe(before.services + 1);
        expect(after.organisations).toBe(before.organisations + 1);
      } finally {
        await t.db.query('ALTER TABLE service_contacts DROP CONSTRAINT ck_test_refused_contact');
      }
    });

    it('reads from /organizations/{id} the organisation a service names only by organization_id', async () => {
      const owner = organization({ name: 'Darlaston Dhol Club' });
      const byId = service(owner, { name: 'Dhol lessons' });
      delete byId.organization;
      const unknown = service(organization(), { name: 'Lessons of nobody we know' });
      delete unknown.organization;
      feeds.feeds.set('by-id', [byId, unknown]);
      feeds.organisations.set('by-id', [{ ...owner, services: [{ id: byId.id }] }]);
      const report = await imported(feeds.url('by-id'));
      expect(report.services).toMatchObject({ created: 1, invalid: 1 });
      expect((await serviceRow(byId.id as string))?.organisationId).toBe(owner.id);
      expect(await organisationRow(owner.id as string)).toMatchObject({ name: 'Darlaston Dhol Club' });
      expect(report.invalid).toEqual([
        expect.objectContaining({
          sourceId: unknown.id,
          messages: [
            expect.stringMatching(/^organization_id: .* is an organization neither this import nor the directory has/),
          ],
        }),
      ]);
    });

    it('says clearly when the feed cannot be read at all, and imports nothing', async () => {
      const before = await footprint();
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const unreachable = await importAs(admin.token, `http://127.0.0.1:${port}/openreferral/v3`);
      expect(errorCode(unreachable)).toBe('BAD_USER_INPUT');
      expect(errorFields(unreachable)).toEqual(['url']);
      expect(unreachable.errors?.[0].message).toContain('could not be read: the connection was refused');

      const html = await importAs(admin.token, feeds.url('html'));
      expect(errorFields(html)).toEqual(['url']);
      expect(html.errors?.[0].message).toMatch(/did not answer with JSON \(text\/html; it starts "<!DOCTYPE html>/);

      const missing = await importAs(admin.token, feeds.url('no-such-feed'));
      expect(missing.errors?.[0].message).toMatch(/\/no-such-feed\/services\?page=1&per_page=50 answered HTTP 404$/);

      expect(errorFields(await importAs(admin.token, 'ftp://example.org/feed'))).toEqual(['url']);
      expect(await footprint()).toEqual(before);
    });
  });

  describe('venues without coordinates', () => {
    it('places a venue by its postcode, saying how, and finds nothing changed the second time', async () => {
      const unplaced = location({ name: 'Pleck hall' }, { postal_code: 'WS2 9HB' });
      delete unplaced.latitude;
      delete unplaced.longitude;
      const placed = location({ name: 'Caldmore hall' });
      const org = organization({ name: 'Pleck Placed Venues' });
      const record = service(org, {
        name: 'Venues by postcode',
        service_at_locations: [
          { id: uuid(), location: unplaced },
          { id: uuid(), location: placed },
        ],
      });
      const first = await importFile('venues.json', record);
      expect(first.services).toMatchObject({ created: 1, invalid: 0 });
      const rows = await t.db.query<{ name: string; latitude: number | null; precision: string | null }[]>(
        `SELECT name, latitude, geocode_precision AS precision FROM locations WHERE source_id = ANY($1::uuid[])
          ORDER BY name`,
        [[unplaced.id, placed.id]],
      );
      expect(rows).toEqual([
        { name: 'Caldmore hall', latitude: placed.latitude, precision: 'COORDINATES' },
        { name: 'Pleck hall', latitude: expect.any(Number), precision: 'OUTWARD_CODE' },
      ]);
      expect((await importFile('venues.json', record)).services).toMatchObject({ unchanged: 1, updated: 0 });
    });
  });

  describe('terms given before their parents', () => {
    /** A term of a taxonomy, as an attribute carries it. */
    const term = (name: string, taxonomy: Json, fields: Json = {}): Json => ({
      id: uuid(),
      name,
      description: `${name}.`,
      taxonomy: taxonomy.name,
      taxonomy_id: taxonomy.id,
      term: name.toLowerCase().replace(/\W+/g, '-'),
      ...fields,
    });
    const carrying = (name: string, ...terms: Json[]) =>
      service(organization({ name: `${name} group` }), {
        name,
        attributes: terms.map((taxonomy_term) => ({ id: uuid(), taxonomy_term })),
      });

    const types = { id: uuid(), name: 'Wednesbury service types' };
    const advice = term('Advice', types);
    const debt = term('Debt advice', types, { parent_id: advice.id });
    const energy = term('Energy debt advice', types, { parent_id: debt.id });
    const orphan = term('Benefits advice', types, { parent_id: uuid() });
    // The publisher's own copy of one of this directory's vocabularies, with its own ids.
    const themes = { id: uuid(), name: 'Cohesion themes' };
    const hateCrime = term('Hate crime', themes, { term: 'hate-crime' });
    const reporting = term('Reporting hate online', themes, { parent_id: hateCrime.id });
    const deepestFirst = [
      carrying('Energy bill clinic', energy, orphan),
      carrying('Online reporting workshop', reporting),
      carrying('Debt drop-in', debt),
      carrying('Advice line', advice, hateCrime),
    ];

    async function parentOf(sourceId: string): Promise<string | null> {
      const [row] = await t.db.query<{ parent: string | null }[]>(
        `SELECT p.code AS parent FROM taxonomy_terms c LEFT JOIN taxonomy_terms p ON p.id = c.parent_id
          WHERE c.source_id = $1`,
        [sourceId],
      );
      return row.parent;
    }

    it('places each term under its parent once the feed brings it, whatever the order', async () => {
      feeds.feeds.set('deepest-first', deepestFirst);
      const report = await imported(feeds.url('deepest-first'));
      expect(report.services).toMatchObject({ created: 4, invalid: 0 });
      expect(await parentOf(energy.id as string)).toBe('debt-advice');
      expect(await parentOf(debt.id as string)).toBe('advice');
      expect(await parentOf(advice.id as string)).toBeNull();
      // Matched by its code to this directory's own term, which the publisher's id now names.
      expect(await parentOf(reporting.id as string)).toBe('hate-crime');
      const [own] = await t.db.query<{ sourceId: string | null }[]>(
        `SELECT t.source_id AS "sourceId" FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
          WHERE x.code = 'cohesion-themes' AND t.code = 'hate-crime'`,
      );
      expect(own.sourceId).toBeNull();
      // Only the parent no record of the feed gives is reported, on the service that gave its child.
      const parents = report.warnings.flatMap((issue) =>
        issue.messages.filter((message) => message.includes('parent_id')).map((message) => [issue.sourceId, message]),
      );
      expect(parents).toEqual([
        [
          deepestFirst[0].id,
          'attributes[1].taxonomy_term.parent_id: names no term this directory knows or this import brought; placed at the top of its taxonomy',
        ],
      ]);
      expect(await parentOf(orphan.id as string)).toBeNull();
    });

    it('finds a taxonomy matched by name again by the publisher’s id, for terms that give only that', async () => {
      const taxonomyId = uuid();
      const first = await importFile('service-types.json', {
        id: taxonomyId,
        name: 'Service types',
        description: 'The publisher’s copy of this directory’s service types.',
        version: '1',
      });
      expect(first.skipped).toEqual([
        expect.objectContaining({
          messages: ['name: Service types is already a taxonomy of this directory; it is left as it is'],
        }),
      ]);
      const mentoring = {
        id: uuid(),
        name: 'Peer mentoring',
        description: 'Mentoring by peers.',
        taxonomy_id: taxonomyId,
      };
      const second = await importFile('peer-mentoring.json', mentoring);
      expect(second.warnings).toEqual([]);
      expect(second.taxonomyTerms).toMatchObject({ created: 1 });
      const [row] = await t.db.query<{ taxonomy: string }[]>(
        `SELECT x.code AS taxonomy FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id WHERE t.source_id = $1`,
        [mentoring.id],
      );
      expect(row).toEqual({ taxonomy: 'service-types' });
    });

    it('changes nothing when the feed is imported again, parents first this time', async () => {
      const before = await footprint();
      feeds.feeds.set('parents-first', [...deepestFirst].reverse());
      const again = await imported(feeds.url('parents-first'));
      expect(again.services).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(again.taxonomyTerms).toMatchObject({ created: 0, updated: 0 });
      expect(await footprint()).toEqual(before);
      expect(await parentOf(energy.id as string)).toBe('debt-advice');
    });
  });

  describe('the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohesion-oruk-import-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const cli = (args: string[]) => runCommandLine(t, 'import-oruk', args);

    it('imports a saved list page as the system, reports it, and says nothing changed the second time', async () => {
      const org = organization({ name: 'Willenhall Welcome' });
      const good = service(org, { name: 'Welcome cafe' });
      const bad = service(org, { name: 'No status', status: undefined });
      const file = join(dir, 'willenhall.json');
      writeFileSync(file, JSON.stringify({ total_items: 2, total_pages: 1, contents: [good, bad] }));

      const first = await cli([file]);
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('Source: willenhall.json');
      expect(first.stdout).toContain('Services: created 1, updated 0, unchanged 0, skipped 0, invalid 1');
      expect(first.stdout).toContain(`service ${bad.id as string} "No status" (contents[1])`);
      expect(first.stdout).toContain('    status: is required');
      expect(first.stderr).toContain('Imported 2/2 records (100%)');
      const [entry] = await t.db.query<{ actor: string | null }[]>(
        `SELECT actor_account_id AS actor FROM audit_entries WHERE entity_id = $1`,
        [good.id],
      );
      expect(entry).toEqual({ actor: null });

      writeFileSync(file, JSON.stringify([good]));
      const again = await cli([file]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Services: created 0, updated 0, unchanged 1, skipped 0, invalid 0');
    });

    it('imports a feed, showing its progress', async () => {
      feeds.feeds.set('cli', [service(organization()), service(organization()), service(organization())]);
      const result = await cli([feeds.url('cli')]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Services: created 3, updated 0, unchanged 0, skipped 0, invalid 0');
      expect(result.stderr).toContain("Reading the feed's list: page 2 of 2");
      expect(result.stderr).toContain('Imported 3/3 records (100%)');
    });

    it('writes its whole report before exiting, however slowly a pipe is read (| cat)', async () => {
      const org = organization({ name: 'Bloxwich Voices' });
      const invalid = Array.from({ length: 1000 }, (_, i) =>
        service(org, { name: `No status ${i} ${'of a long-named service '.repeat(4)}`, status: undefined }),
      );
      const file = join(dir, 'many-invalid.json');
      writeFileSync(file, JSON.stringify(invalid));

      // The report follows the last progress line; the reader starts once the command has
      // exited, or 1.5 s later if it waits for the pipe to be read.
      const result = await runCommandLineIntoSlowPipe(t, 'import-oruk', [file], {
        readAfter: 'Imported 1000/1000 records (100%)',
        graceMs: 1500,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('Services: created 0, updated 0, unchanged 0, skipped 0, invalid 1000');
      expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(2 * 65_536);
      for (const record of invalid) expect(result.stdout).toContain(`service ${record.id as string} "No status`);
      expect(result.stdout.endsWith('    status: is required\n')).toBe(true);
    });

    it('exits with 2 on bad arguments or a source it cannot read', async () => {
      const notJson = join(dir, 'not-json.json');
      writeFileSync(notJson, '{"contents": [');
      const broken = await cli([notJson]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('is not valid JSON');
      const text = join(dir, 'text.json');
      writeFileSync(text, '"a string"');
      const notOruk = await cli([text]);
      expect(notOruk.code).toBe(2);
      expect(notOruk.stderr).toContain('text.json cannot be imported: must be Open Referral UK JSON');
      expect((await cli([join(dir, 'missing.json')])).stderr).toContain('Cannot read');
      // A feed's own description (what its address answers, the api_details schema's example) names no records.
      const details = join(dir, 'api-details.json');
      const schema = JSON.parse(readFileSync(join(orukStandardDir(), 'schema', 'api_details.json'), 'utf8')) as {
        properties: Record<string, { example: string }>;
      };
      writeFileSync(
        details,
        JSON.stringify(
          Object.fromEntries(Object.entries(schema.properties).map(([key, field]) => [key, field.example])),
        ),
      );
      const described = await cli([details]);
      expect(described.code).toBe(2);
      expect(described.stderr).toContain(
        "api-details.json cannot be imported: is a feed's description (api_details, what the feed's address answers), not records",
      );
      expect(described.stderr).toContain("give the feed's address itself");
      expect(described.stderr).not.toContain('is required');
      expect((await cli([])).code).toBe(2);
      const html = await cli([feeds.url('html')]);
      expect(html.code).toBe(2);
      expect(html.stderr).toContain('did not answer with JSON');
    });
  });

  describe('who may import, and from where', () => {
    let guarded: TestApp | undefined;
    afterAll(async () => {
      await guarded?.close();
    });

    const run = (app: TestApp, token: string | undefined, url: string) =>
      app.gql<{ importOpenReferralFeed: Report }>(IMPORT, { url }, token);

    it('refuses callers who are not signed in, and members who are not platform admins', async () => {
      feeds.feeds.set('access', [service(organization())]);
      const before = await countRows(t, 'services');
      expect(errorCode(await run(t, undefined, feeds.url('access')))).toBe('UNAUTHENTICATED');
      const member = await createPractitioner(t);
      expect(errorCode(await run(t, member.token, feeds.url('access')))).toBe('FORBIDDEN');
      const orgAdmin = await createPractitioner(t, {
        roles: [{ role: 'ORG_ADMIN', organisationId: (await createOrganisation(t)).id }],
      });
      expect(errorCode(await run(t, orgAdmin.token, feeds.url('access')))).toBe('FORBIDDEN');
      expect(await countRows(t, 'services')).toBe(before);
    });

    it('refuses loopback and private-network addresses unless configured to allow them', async () => {
      // The configuration a deployment has: loopback and private networks refused. (Started last: a
      // second app in the process takes over token checking, so the first one's tokens stop working.)
      guarded = await createTestApp();
      const guardedAdmin = await createAdmin(guarded);
      for (const url of [
        feeds.url('access'),
        feeds.url('access', 'localhost'),
        'http://10.0.0.7/openreferral/v3',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]:8080/feed',
      ]) {
        const result = await run(guarded, guardedAdmin.token, url);
        expect({ url, code: errorCode(result), fields: errorFields(result) }).toEqual({
          url,
          code: 'BAD_USER_INPUT',
          fields: ['url'],
        });
        expect(result.errors?.[0].message).toMatch(/must be a public web address: .*loopback, private or reserved/);
      }
      expect(await countRows(guarded, 'services')).toBe(0);
    });
  });
});
