import { describe, expect, it } from '@jest/globals';
import { recordsOfDocument } from './oruk-document.js';
import { readOrganisation, readService, readTerm } from './oruk-records.js';

const ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const LOCATION = '3a19ff88-4620-4d17-9830-ac1d859eb5d5';

const organization = (fields: Record<string, unknown> = {}) => ({ id: ORG, name: 'Caldmore Voices', ...fields });
const service = (fields: Record<string, unknown> = {}) => ({
  id: SERVICE,
  name: 'Conversation cafe',
  status: 'active',
  organization: organization(),
  ...fields,
});

describe('reading ORUK organisations', () => {
  it('reads identifiers in org-id form, padding a Companies House number, and tells a council by its register', () => {
    const reading = readOrganisation(
      organization({
        organization_identifiers: [
          { id: '5f0c6d1e-8a44-4c8e-9d1a-2b7e3f4a5b6c', identifier_scheme: 'GB-COH', identifier: '1234567' },
          { identifier: 'GB-LAE-WLL' },
          { identifier_scheme: 'GB-CHC', identifier: 'GB-CHC-1123456' },
          { identifier_scheme: 'GB-CHC', identifier: '12' },
        ],
      }),
    );
    expect(reading.value?.identifiers).toEqual([
      { scheme: 'GB-COH', identifier: '01234567', sourceId: '5f0c6d1e-8a44-4c8e-9d1a-2b7e3f4a5b6c' },
      { scheme: 'GB-LAE', identifier: 'WLL', sourceId: null },
      { scheme: 'GB-CHC', identifier: '1123456', sourceId: null },
    ]);
    expect(reading.value?.kind).toBe('LOCAL_AUTHORITY');
    expect(reading.warnings.map((warning) => warning.field)).toEqual([
      'organization_identifiers[0].identifier',
      'organization_identifiers[3].identifier',
    ]);
  });

  it('keeps the directory’s identifiers when the record has no list of them, and is a VCS group by default', () => {
    expect(readOrganisation(organization()).value).toMatchObject({ identifiers: null, kind: null });
    expect(readOrganisation(organization({ organization_identifiers: [] })).value?.identifiers).toEqual([]);
  });

  it('needs a uuid id and a name', () => {
    expect(readOrganisation({ id: 'org-1', name: ' ' }).problems).toEqual([
      { field: 'id', message: 'must be a uuid' },
      { field: 'name', message: 'is required' },
    ]);
  });
});

describe('reading ORUK addresses', () => {
  const addressed = (address: Record<string, unknown>) =>
    readService(
      service({
        service_at_locations: [
          { location: { id: LOCATION, addresses: [{ address_1: '1 Rue de Rivoli', city: 'Paris', ...address }] } },
        ],
      }),
    );
  const place = (address: Record<string, unknown>) => {
    const reading = addressed(address);
    return {
      country: reading.value?.serviceLocations?.[0].location.country,
      postcode: reading.value?.serviceLocations?.[0].location.postcode,
      warnings: reading.warnings.map((warning) => warning.message),
    };
  };

  it('keeps a postal code of another country as written, and checks a UK one', () => {
    expect(place({ country: 'fr', postal_code: '75001' })).toEqual({ country: 'FR', postcode: '75001', warnings: [] });
    expect(place({ postal_code: 'ws1 3rp' })).toEqual({ country: 'GB', postcode: 'WS1 3RP', warnings: [] });
    expect(place({ country: 'GB', postal_code: '75001' })).toEqual({
      country: 'GB',
      postcode: null,
      warnings: ['"75001" is not a UK postcode; left out'],
    });
  });

  it('reads a country given by name, or as UK, as its ISO 3166-1 code', () => {
    expect(place({ country: 'France', postal_code: '75001' })).toEqual({
      country: 'FR',
      postcode: '75001',
      warnings: ['"France" is read as FR (countries are ISO 3166-1 two-letter codes)'],
    });
    expect(place({ country: 'United Kingdom' }).country).toBe('GB');
    expect(place({ country: 'UK' })).toEqual({
      country: 'GB',
      postcode: null,
      warnings: ['"UK" is read as GB (countries are ISO 3166-1 two-letter codes)'],
    });
    expect(place({ country: 'Narnia' })).toEqual({
      country: 'GB',
      postcode: null,
      warnings: ['"Narnia" is not an ISO 3166-1 two-letter country code; read as GB'],
    });
  });
});

describe('reading ORUK services', () => {
  it('leaves out values the directory cannot hold, naming each field', () => {
    const reading = readService(
      service({
        name: 'x'.repeat(250),
        minimum_age: 140,
        maximum_age: 12.5,
        email: 'not an email',
        url: 'javascript:alert(1)',
        schedules: [{ id: SERVICE, freq: 'WEEKLY', byday: '2TU', opens_at: '09:00-05:00', closes_at: '08:00Z' }],
        cost_options: [{ id: SERVICE, amount: 2.555 }],
        languages: [{ code: 'EN' }, { code: 'english' }, { name: 'no code' }],
      }),
    );
    expect(reading.problems).toEqual([]);
    const value = reading.value;
    expect(value).toMatchObject({
      name: 'x'.repeat(200),
      minimumAge: null,
      maximumAge: 12,
      email: null,
      url: null,
      languages: ['en'],
      schedules: [expect.objectContaining({ byday: null, opensAt: '09:00:00', closesAt: null })],
      costOptions: [expect.objectContaining({ amountPence: 256 })],
    });
    expect(reading.warnings.map((warning) => `${warning.field}: ${warning.message}`)).toEqual([
      'name: is longer than 200 characters; cut to 200',
      'minimum_age: 140 is not an age (0 to 130); left out',
      'maximum_age: 12.5 is not a whole number; read as 12',
      'languages[1].code: "english" is not an ISO 639 language code; left out',
      'url: "javascript:alert(1)" is not a web address starting http:// or https://; left out',
      'email: "not an email" is not an email address the directory can hold; left out',
      'schedules[0].byday: "2TU" numbers days, which a WEEKLY schedule cannot; left out',
      'schedules[0].opens_at: the offset -05:00 is dropped; kept as 09:00 local time',
      'schedules[0].closes_at: 08:00:00 is not after opens_at (09:00:00); left out',
      'cost_options[0].amount: 2.555 is rounded to whole pence',
    ]);
  });

  it('tells a list the record does not have (kept as it is) from an empty one (emptied)', () => {
    const summary = readService(service()).value;
    expect(summary).toMatchObject({
      schedules: null,
      contacts: null,
      serviceLocations: null,
      terms: null,
      areas: null,
    });
    const empty = readService(service({ schedules: [], attributes: [], service_areas: [] })).value;
    expect(empty).toMatchObject({ schedules: [], terms: [], areas: [] });
  });

  it('reads a service area’s ONS code from the end of its uri', () => {
    const areas = readService(
      service({
        service_areas: [
          { name: 'Walsall', uri: 'http://statistics.data.gov.uk/id/statistical-geography/E08000030' },
          { name: 'Pleck', uri: 'http://example.org/areas/pleck/' },
        ],
      }),
    ).value?.areas;
    expect(areas).toEqual([
      { field: 'service_areas[0]', code: 'E08000030', name: 'Walsall' },
      { field: 'service_areas[1]', code: null, name: 'Pleck' },
    ]);
  });

  it('drops a position off the globe and a postcode outside the UK, keeping the place', () => {
    const [link] =
      readService(
        service({
          service_at_locations: [
            {
              id: SERVICE,
              location: {
                id: LOCATION,
                location_type: 'physical',
                latitude: 100,
                longitude: 101,
                addresses: [{ address_1: '1 Main Street', postal_code: 'ABC 1234', city: 'MyCity' }],
              },
            },
          ],
        }),
      ).value?.serviceLocations ?? [];
    expect(link.location).toMatchObject({
      sourceId: LOCATION,
      latitude: null,
      longitude: null,
      postcode: null,
      addressLine1: '1 Main Street',
      town: 'MyCity',
    });
  });

  it('needs a status the directory knows, and no organisation (ORUK requires none)', () => {
    const reading = readService({ id: SERVICE, name: 'Orphan', status: 'open' });
    expect(reading.value).toBeNull();
    expect(reading.problems.map((problem) => problem.field)).toEqual(['status']);
    expect(readService({ id: SERVICE, name: 'Orphan', status: 'active' }).value).toMatchObject({
      organisation: null,
      organisationSourceId: null,
    });
  });

  it('places a term in its taxonomy, by name or id', () => {
    expect(readTerm({ id: LOCATION, name: 'Counselling' }, 'attributes[0].taxonomy_term').problems).toEqual([
      {
        field: 'attributes[0].taxonomy_term.taxonomy',
        message: 'is required: a term is placed in its taxonomy, named by taxonomy or taxonomy_id',
      },
    ]);
  });
});

describe('reading ORUK documents', () => {
  it('splits an organisation with its services, and gathers a service’s places from service_at_location records', () => {
    const place = (id: string) => ({ id, location_type: 'physical' });
    const records = recordsOfDocument({
      contents: [
        { id: 'sal-1', location: place('loc-1'), service: service() },
        { id: 'sal-2', location: place('loc-2'), service: service() },
        { ...organization(), services: [{ id: 'svc-2', name: 'Walks', status: 'active' }] },
      ],
    });
    expect(records?.map((record) => [record.type, record.at])).toEqual([
      ['organisation', 'contents[2]'],
      ['service', 'contents[0].service'],
      ['service', 'contents[2].services[0]'],
    ]);
    expect((records?.[1].json as { service_at_locations: unknown[] }).service_at_locations).toEqual([
      { id: 'sal-1', location: place('loc-1') },
      { id: 'sal-2', location: place('loc-2') },
    ]);
    // A service listed under its organisation belongs to it.
    expect((records?.[2].json as { organization: { id: string } }).organization.id).toBe(ORG);
  });

  it('puts a taxonomy’s terms after it, parents before their children', () => {
    const parent = '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2';
    const child = '3f7b145d-84af-42d7-8fae-eaca714b02b2';
    const records = recordsOfDocument({
      id: ORG,
      name: 'Service types',
      version: '1',
      taxonomy_terms: [
        { id: child, name: 'Child', parent_id: parent },
        { id: parent, name: 'Parent' },
      ],
    });
    expect(records?.map((record) => [record.type, (record.json as { name: string }).name])).toEqual([
      ['taxonomy', 'Service types'],
      ['taxonomy_term', 'Parent'],
      ['taxonomy_term', 'Child'],
    ]);
    expect(records?.[1].json).toMatchObject({ taxonomy_id: ORG, taxonomy: 'Service types' });
  });

  it('is null for JSON that is no ORUK document at all', () => {
    expect(recordsOfDocument('text')).toBeNull();
    expect(recordsOfDocument([{ colour: 'blue' }])?.map((record) => record.type)).toEqual(['unknown']);
  });
});
