import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, errorFields, type TestApp } from '@cohesion/testing';

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
