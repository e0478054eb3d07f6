import { searchSql } from './peer-schema.js';

/**
 * The query shapes the comparison benchmark times, each three ways: our API, the peer
 * (PostGraphile) where it can answer it, and the floor (one hand-written statement
 * through `pg`). Each way has a normaliser to one plain form, so the benchmark can check
 * that all three carry the same data before it times any of them.
 */

type Json = Record<string, unknown>;

/** A uuid from one of our global ids (base64url of "Type:uuid"), or the uuid itself. */
export function uuidOf(id: unknown): string {
  const text = String(id);
  if (/^[0-9a-f-]{36}$/i.test(text)) return text;
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

const byKey = (key: string) => (a: Json, b: Json) => String(a[key]).localeCompare(String(b[key]));
const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const nodes = (connection: unknown): Json[] => (connection as { nodes: Json[] } | null)?.nodes ?? [];
const edges = (connection: unknown): Json[] =>
  ((connection as { edges: { node: Json }[] } | null)?.edges ?? []).map((edge) => edge.node);
/** Enum values as the database keeps them: ACTIVE and 'active', TEMPORARILY_CLOSED and 'temporarily closed'. */
const plainEnum = (value: unknown) => String(value).toLowerCase().replaceAll('_', ' ');

// ---------------------------------------------------------------------------------------
// Organisations with their services (nested list and detail)

interface PlainService {
  id: string;
  name: unknown;
  description: unknown;
  status: string;
  url: unknown;
  locations: Json[];
  terms: Json[];
}

interface PlainOrganisation {
  id: string;
  name: unknown;
  kind: unknown;
  description: unknown;
  website: unknown;
  line1: unknown;
  town: unknown;
  postcode: unknown;
  areas: Json[];
  services: PlainService[];
}

function plainArea(area: Json): Json {
  return { id: uuidOf(area.id), name: area.name, kind: area.kind, code: area.code };
}

function plainTerm(term: Json): Json {
  return { id: uuidOf(term.id), code: term.code, name: term.name };
}

function plainService(
  service: Json,
  locations: Json[],
  terms: Json[],
  location: (row: Json) => Json = (row) => row,
): PlainService {
  return {
    id: uuidOf(service.id),
    name: service.name,
    description: service.description,
    status: plainEnum(service.status),
    url: service.url,
    locations: locations.map(location).sort(byJson),
    terms: terms.map(plainTerm).sort(byKey('id')),
  };
}

function plainOrganisation(organisation: Json, areas: Json[], services: PlainService[]): PlainOrganisation {
  return {
    id: uuidOf(organisation.id),
    name: organisation.name,
    kind: organisation.kind,
    description: organisation.description,
    website: organisation.website,
    line1: organisation.line1 ?? organisation.addressLine1 ?? (organisation.address as Json | null)?.line1 ?? null,
    town: organisation.town ?? (organisation.address as Json | null)?.town ?? null,
    postcode: organisation.postcode ?? (organisation.address as Json | null)?.postcode ?? null,
    areas: areas.map(plainArea).sort(byKey('id')),
    services,
  };
}

const OURS_ORGANISATION = `id name kind description website address { line1 town postcode }
  areas { id name kind code }
  services(first: 10) { edges { node { id name description status url
    locations { name address { line1 town postcode } location { latitude longitude } }
    taxonomyTerms { id code name } } } }`;

function oursOrganisation(node: Json): PlainOrganisation {
  return plainOrganisation(
    node,
    node.areas as Json[],
    edges(node.services).map((service) =>
      plainService(service, service.locations as Json[], service.taxonomyTerms as Json[], (row) => {
        const address = (row.address ?? {}) as Json;
        const point = (row.location ?? {}) as Json;
        return {
          name: row.name ?? null,
          line1: address.line1 ?? null,
          town: address.town ?? null,
          postcode: address.postcode ?? null,
          latitude: point.latitude ?? null,
          longitude: point.longitude ?? null,
        };
      }),
    ),
  );
}

const peerServices = (filter: string) => `servicesByOrganisationId(orderBy: [SORT_NAME_ASC, ID_ASC]${filter}) {
    nodes { id name description status url
      serviceLocationsByServiceId { nodes { locationByLocationId { name addressLine1 town postcode latitude longitude } } }
      serviceTaxonomyTermsByServiceId { nodes { taxonomyTermByTermId { id code name } } } } }`;

const peerOrganisation = (serviceFilter: string) => `id name kind description website addressLine1 town postcode
  organisationAreasByOrganisationId { nodes { areaByAreaId { id name kind code } } }
  ${peerServices(serviceFilter)}`;

function peerOrganisationOf(node: Json): PlainOrganisation {
  return plainOrganisation(
    node,
    nodes(node.organisationAreasByOrganisationId).map((link) => link.areaByAreaId as Json),
    nodes(node.servicesByOrganisationId).map((service) =>
      plainService(
        service,
        nodes(service.serviceLocationsByServiceId).map((link) => {
          const row = link.locationByLocationId as Json;
          return {
            name: row.name,
            line1: row.addressLine1,
            town: row.town,
            postcode: row.postcode,
            latitude: row.latitude,
            longitude: row.longitude,
          };
        }),
        nodes(service.serviceTaxonomyTermsByServiceId).map((link) => link.taxonomyTermByTermId as Json),
      ),
    ),
  );
}

/** An organisation `o` as JSON, the way the floor builds it; `serviceWhere` limits its services. */
function floorOrganisationSql(serviceWhere: string): string {
  return `json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'description', o.description,
      'website', o.website, 'line1', o.address_line1, 'town', o.town, 'postcode', o.postcode,
      'areas', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'kind', a.kind, 'code', a.code)), '[]')
                  FROM organisation_areas oa JOIN areas a ON a.id = oa.area_id WHERE oa.organisation_id = o.id),
      'services', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'description', s.description,
                          'status', s.status, 'url', s.url,
                          'locations', (SELECT coalesce(json_agg(json_build_object('name', l.name, 'line1', l.address_line1,
                                               'town', l.town, 'postcode', l.postcode, 'latitude', l.latitude,
                                               'longitude', l.longitude)), '[]')
                                          FROM service_locations sl JOIN locations l ON l.id = sl.location_id
                                         WHERE sl.service_id = s.id),
                          'terms', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name)), '[]')
                                      FROM service_taxonomy_terms st JOIN taxonomy_terms t ON t.id = st.term_id
                                     WHERE st.service_id = s.id))
                          ORDER BY lower(s.name), s.id), '[]')
                     FROM services s WHERE s.organisation_id = o.id ${serviceWhere}))`;
}

function floorOrganisationOf(row: Json): PlainOrganisation {
  return plainOrganisation(
    row,
    row.areas as Json[],
    (row.services as Json[]).map((service) =>
      plainService(service, service.locations as Json[], service.terms as Json[]),
    ),
  );
}

export interface Way {
  query: string;
  variables: Record<string, unknown>;
  /** Signed in as this member (a bearer token), or anonymous. */
  token?: string;
}

export interface Floor {
  sql: string;
  params: unknown[];
}

export interface Shape {
  key: string;
  name: string;
  ours: Way;
  peer?: Way;
  floor: Floor;
  /** Each answer reduced to the same plain form: GraphQL `data`, or the floor's JSON. */
  plain: { ours(data: Json): unknown; peer?(data: Json): unknown; floor(result: Json): unknown };
}

/** Nested list: 50 organisations serving an area, by name, with their areas, services, venues and terms. */
export function nestedListShape(areaId: string, areaName: string): Shape {
  const published = `o.verified AND o.visibility = 'PUBLIC' AND o.area_path_ids && ARRAY[$1::uuid]`;
  return {
    key: 'nestedList',
    name: `nested list: 50 organisations in ${areaName} with services, venues, terms, areas`,
    ours: {
      query: `query NestedList($area: ID!) { organisations(first: 50, filter: { areaIds: [$area] }) {
        totalCount edges { node { ${OURS_ORGANISATION} } } } }`,
      variables: { area: areaId },
    },
    peer: {
      query: `query NestedList($area: UUID!) {
        allOrganisations(first: 50, orderBy: [SORT_NAME_ASC, ID_ASC],
          filter: { verified: { equalTo: true }, visibility: { equalTo: "PUBLIC" }, areaPathIds: { contains: [$area] } }) {
          totalCount nodes { ${peerOrganisation(', filter: { visibility: { equalTo: "PUBLIC" } }')} } } }`,
      variables: { area: uuidOf(areaId) },
    },
    floor: {
      sql: `SELECT json_build_object(
              'totalCount', (SELECT count(*) FROM organisations o WHERE ${published}),
              'nodes', (SELECT coalesce(json_agg(page.organisation ORDER BY page.sort, page.id), '[]') FROM (
                 SELECT lower(o.name) AS sort, o.id, ${floorOrganisationSql("AND s.visibility = 'PUBLIC'")} AS organisation
                   FROM organisations o WHERE ${published}
                  ORDER BY lower(o.name), o.id LIMIT 50) page))::text AS result`,
      params: [uuidOf(areaId)],
    },
    plain: {
      ours: (data) => {
        const list = data.organisations as Json;
        return { totalCount: list.totalCount, nodes: edges(list).map(oursOrganisation) };
      },
      peer: (data) => {
        const list = data.allOrganisations as Json;
        return { totalCount: list.totalCount, nodes: nodes(list).map(peerOrganisationOf) };
      },
      floor: (result) => ({
        totalCount: result.totalCount,
        nodes: (result.nodes as Json[]).map(floorOrganisationOf),
      }),
    },
  };
}

/** Detail: one organisation with everything above and the people working there now (public fields), for a member. */
export function detailShape(organisationId: string, viewerId: string, token: string, today: string): Shape {
  const practitioners = (list: Json[]) =>
    [...new Map(list.map((p) => [uuidOf(p.id), { id: uuidOf(p.id), fullName: p.fullName, jobTitle: p.jobTitle }]))]
      .map(([, p]) => p)
      .sort(byKey('id'));
  return {
    key: 'detail',
    name: 'detail: one organisation with services, venues, terms, areas and its people',
    ours: {
      query: `query Detail($id: ID!) { organisation(id: $id) { ${OURS_ORGANISATION}
        practitioners(first: 100) { totalCount edges { node { id fullName jobTitle } } } } }`,
      variables: { id: organisationId },
      token,
    },
    peer: {
      query: `query Detail($id: UUID!, $today: Date!) { organisationById(id: $id) { ${peerOrganisation('')}
        practitionerMembershipsByOrganisationId(filter: { and: [
            { or: [{ startDate: { isNull: true } }, { startDate: { lessThanOrEqualTo: $today } }] },
            { or: [{ endDate: { isNull: true } }, { endDate: { greaterThanOrEqualTo: $today } }] },
            { practitionerByPractitionerId: { discoverable: { equalTo: true } } }] }) {
          nodes { practitionerByPractitionerId { id fullName jobTitle } } } } }`,
      variables: { id: uuidOf(organisationId), today },
    },
    floor: {
      sql: `SELECT (${floorOrganisationSql('')}::jsonb || jsonb_build_object('practitioners',
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'fullName', p.full_name, 'jobTitle', p.job_title)
                                 ORDER BY lower(p.full_name), p.id), '[]')
                 FROM practitioners p
                WHERE p.id IN (SELECT m.practitioner_id FROM practitioner_memberships m
                                WHERE m.organisation_id = o.id
                                  AND (m.start_date IS NULL OR m.start_date <= CURRENT_DATE)
                                  AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE))
                  AND (p.discoverable OR p.id = $2)
                  AND NOT EXISTS (SELECT 1 FROM practitioner_blocks b
                                   WHERE (b.blocker_id = $2 AND b.blocked_id = p.id)
                                      OR (b.blocker_id = p.id AND b.blocked_id = $2)))))::text AS result
              FROM organisations o WHERE o.id = $1`,
      params: [uuidOf(organisationId), viewerId],
    },
    plain: {
      ours: (data) => {
        const node = data.organisation as Json;
        return { ...oursOrganisation(node), practitioners: practitioners(edges(node.practitioners)) };
      },
      peer: (data) => {
        const node = data.organisationById as Json;
        return {
          ...peerOrganisationOf(node),
          practitioners: practitioners(
            nodes(node.practitionerMembershipsByOrganisationId).map(
              (link) => link.practitionerByPractitionerId as Json,
            ),
          ),
        };
      },
      floor: (result) => ({
        ...floorOrganisationOf(result),
        practitioners: practitioners(result.practitioners as Json[]),
      }),
    },
  };
}

/** Search: words, an area and a theme, the best 20 organisations and services, and how many match in all. */
export function searchShape(words: string, areaId: string, themeId: string, label: string): Shape {
  const hit = (kind: unknown, id: unknown, score: unknown, name: unknown, detail: unknown) => ({
    kind,
    id: uuidOf(id),
    score: Math.round(Number(score) * 1e6) / 1e6,
    name,
    detail: plainEnum(detail),
  });
  return {
    key: 'search',
    name: `search: "${words}" in ${label}, 20 hits`,
    ours: {
      query: `query Search($words: String!, $area: ID!, $theme: ID!) {
        search(query: $words, filter: { areaIds: [$area], themeIds: [$theme] }, first: 20) {
          totalCount edges { score node { __typename
            ... on Organisation { id name kind } ... on Service { id name status } } } } }`,
      variables: { words, area: areaId, theme: themeId },
    },
    peer: {
      query: `query Search($words: String!, $area: UUID!, $theme: UUID!) {
        searchDirectory(query: $words, areaIds: [$area], themeIds: [$theme], first: 20) {
          totalCount nodes { kind id score name organisationKind serviceStatus } } }`,
      variables: { words, area: uuidOf(areaId), theme: uuidOf(themeId) },
    },
    floor: {
      sql: `WITH hits AS MATERIALIZED (${searchSql('$1', 'ARRAY[$2::uuid]', 'ARRAY[$3::uuid]')})
            SELECT json_build_object('totalCount', (SELECT count(*) FROM hits),
              'nodes', (SELECT coalesce(json_agg(page ORDER BY score DESC, kind_order, id), '[]')
                          FROM (SELECT * FROM hits ORDER BY score DESC, kind_order, id LIMIT 20) page))::text AS result`,
      params: [words, uuidOf(areaId), uuidOf(themeId)],
    },
    plain: {
      ours: (data) => {
        const search = data.search as { totalCount: number; edges: { score: number; node: Json }[] };
        return {
          totalCount: search.totalCount,
          hits: search.edges.map(({ score, node }) =>
            hit(
              String(node.__typename).toUpperCase(),
              node.id,
              score,
              node.name,
              node.__typename === 'Organisation' ? node.kind : node.status,
            ),
          ),
        };
      },
      peer: (data) => {
        const search = data.searchDirectory as Json;
        return {
          totalCount: search.totalCount,
          hits: nodes(search).map((row) =>
            hit(row.kind, row.id, row.score, row.name, row.organisationKind ?? row.serviceStatus),
          ),
        };
      },
      floor: (result) => ({
        totalCount: result.totalCount,
        hits: (result.nodes as Json[]).map((row) =>
          hit(row.kind, row.id, row.score, row.name, row.organisation_kind ?? row.service_status),
        ),
      }),
    },
  };
}
