import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorFields,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const ORIGIN = `query O($near: NearInput!) { search(filter: { near: $near, kinds: [ORGANISATION] }) { origin { latitude longitude precision postcode } } }`;

/** A stand-in for api.postcodes.io on loopback: knows one postcode and one district. */
function fakePostcodesIo(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const send = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/postcodes/B7%204BP')
      return send(200, { status: 200, result: { latitude: 52.4912, longitude: -1.8771 } });
    if (request.url === '/outcodes/DY4')
      return send(200, { status: 200, result: { latitude: 52.5401, longitude: -2.0412 } });
    if (request.url === '/postcodes/WS1%209ZZ') return send(500, { status: 500, error: 'boom' });
    return send(404, { status: 404, error: 'Postcode not found' });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, requests });
    }),
  );
}

describe('geocoding through postcodes.io', () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof fakePostcodesIo>>;
  beforeAll(async () => {
    fake = await fakePostcodesIo();
    t = await createTestApp({ GEOCODER: 'postcodes.io', POSTCODES_IO_URL: fake.url, GEOCODER_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await t.close();
    fake.server.close();
  });

  type Origin = { search: { origin: { latitude: number; longitude: number; precision: string; postcode: string } } };

  it('places a full postcode exactly', async () => {
    const result = await t.gql<Origin>(ORIGIN, { near: { postcode: 'b7 4bp', withinMetres: 1000 } });
    expect(result.data.search.origin).toEqual({
      latitude: 52.4912,
      longitude: -1.8771,
      precision: 'POSTCODE',
      postcode: 'B7 4BP',
    });
    expect(fake.requests).toContain('/postcodes/B7%204BP');
  });

  it('asks for a district by its outward code', async () => {
    const result = await t.gql<Origin>(ORIGIN, { near: { postcode: 'DY4', withinMetres: 1000 } });
    expect(result.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'DY4', latitude: 52.5401 });
  });

  it('falls back to the shipped district table when the service does not know a postcode or fails', async () => {
    const unknown = await t.gql<Origin>(ORIGIN, { near: { postcode: 'WS1 8ZZ', withinMetres: 1000 } });
    expect(unknown.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'WS1' });
    const failing = await t.gql<Origin>(ORIGIN, { near: { postcode: 'WS1 9ZZ', withinMetres: 1000 } });
    expect(failing.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'WS1' });
  });

  it('still refuses a postcode nobody knows', async () => {
    const result = await t.gql(ORIGIN, { near: { postcode: 'ZE9 9ZZ', withinMetres: 1000 } });
    expect(errorFields(result)).toEqual(['filter.near.postcode']);
  });
});

describe('geocoding when postcodes.io cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    const fake = await fakePostcodesIo();
    const url = fake.url;
    fake.server.close();
    t = await createTestApp({ GEOCODER: 'postcodes.io', POSTCODES_IO_URL: url, GEOCODER_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers from the shipped district table', async () => {
    const result = await t.gql<{ search: { origin: { precision: string; postcode: string } } }>(ORIGIN, {
      near: { postcode: 'CV1 5RR', withinMetres: 1000 },
    });
    expect(result.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'CV1' });
  });
});

describe('placing a new service’s venues from their postcodes (offline)', () => {
  const CREATE = `mutation C($input: CreateServiceInput!) {
    createService(input: $input) {
      id
      locations { name address { postcode } location { latitude longitude } geocodePrecision }
    } }`;
  const NEAR = `query N($near: NearInput!) {
    search(filter: { near: $near, kinds: [SERVICE] }) { edges { node { ... on Service { id } } } } }`;
  type Placed = {
    id: string;
    locations: {
      name: string;
      address: { postcode: string } | null;
      location: { latitude: number; longitude: number } | null;
      geocodePrecision: string | null;
    }[];
  };

  type Origin = { search: { origin: { latitude: number; longitude: number } } };

  let t: TestApp;
  let organisation: Created;
  let admin: TestPractitioner;
  beforeAll(async () => {
    t = await createTestApp();
    organisation = await createOrganisation(t, { name: 'Pleck Neighbours' });
    admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
  });
  afterAll(async () => {
    await t.close();
  });

  async function create(name: string, venue: Record<string, unknown>): Promise<Placed> {
    const result = await t.gql<{ createService: Placed }>(
      CREATE,
      {
        input: {
          organisationId: organisation.globalId,
          name,
          description: 'A drop-in for neighbours.',
          locations: [{ name: `${name} venue`, ...venue }],
        },
      },
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data.createService;
  }

  const serviceUuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

  it('places a venue whose full postcode it does not know at its district’s centre, and says so', async () => {
    const district = await t.gql<Origin>(ORIGIN, { near: { postcode: 'WS2', withinMetres: 1000 } });
    const { latitude, longitude } = district.data.search.origin;
    const service = await create('Pleck coffee morning', {
      address: { line1: '12 Pleck Road', town: 'Walsall', postcode: 'ws2 9hb' },
    });
    expect(service.locations).toEqual([
      {
        name: 'Pleck coffee morning venue',
        address: { postcode: 'WS2 9HB' },
        location: { latitude, longitude },
        geocodePrecision: 'OUTWARD_CODE',
      },
    ]);

    // Near me, from the same postcode: found.
    const near = await t.gql<{ search: { edges: { node: { id: string } }[] } }>(NEAR, {
      near: { postcode: 'WS2 9HB', withinMetres: 2000 },
    });
    expect(near.errors).toBeUndefined();
    expect(near.data.search.edges.map((edge) => edge.node.id)).toContain(service.id);

    // The Open Referral feed finds it by distance too, without publishing a district's
    // centre as the venue's coordinates.
    const response = await t
      .http()
      .get('/openreferral/v3/service_at_locations')
      .query({ postcode: 'WS2 9HB', proximity: 2000 });
    expect(response.status).toBe(200);
    const places = (response.body as { contents: { service: { id: string }; location: Record<string, unknown> }[] })
      .contents;
    const ours = places.filter((place) => place.service.id === serviceUuid(service.id));
    expect(ours).toHaveLength(1);
    expect(ours[0].location).toMatchObject({ name: 'Pleck coffee morning venue' });
    expect(ours[0].location).not.toHaveProperty('latitude');
    expect(ours[0].location).not.toHaveProperty('longitude');
  });

  it('keeps coordinates given with a venue, and places a postcode it has seen placed exactly there', async () => {
    const given = await create('Pleck youth club', {
      address: { line1: '3 Pleck Road', town: 'Walsall', postcode: 'WS2 9HB' },
      location: { latitude: 52.5772, longitude: -1.9935 },
    });
    expect(given.locations[0]).toMatchObject({
      location: { latitude: 52.5772, longitude: -1.9935 },
      geocodePrecision: 'COORDINATES',
    });
    // Known now from a venue with real coordinates (a district centre is not taken for one).
    const known = await create('Pleck homework club', {
      address: { line1: '5 Pleck Road', town: 'Walsall', postcode: 'WS2 9HB' },
    });
    expect(known.locations[0]).toMatchObject({
      location: { latitude: 52.5772, longitude: -1.9935 },
      geocodePrecision: 'POSTCODE',
    });
    // No postcode, no coordinates: not placed.
    const online = await create('Pleck online chat', { locationType: 'VIRTUAL' });
    expect(online.locations[0]).toMatchObject({ location: null, geocodePrecision: null });
  });
});
