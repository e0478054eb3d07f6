import { allows, badInput, isOutwardCode, isUkPostcode, type Viewer } from '@cohesion/common';
import { DIRECTORY_POLICY } from '../directory.policy.js';
import { GeocodePrecisionKind } from '../geo/geocode-precision.model.js';
import type { Geocoder } from '../geo/geocoder.js';
import { SearchKind, SearchSort, type SearchFilter } from './search.inputs.js';
import { type SearchArgs } from './search.args.js';
import type { SearchOrigin } from './search.model.js';

export interface SearchRequest extends Omit<SearchArgs, 'sort'> {
  sort?: SearchSort;
}

/** Everything a search needs, resolved once: the text, the origin of distances and which kinds can match. */
export interface SearchPlan {
  text: string | undefined;
  filter: SearchFilter;
  origin: SearchOrigin | null;
  radius: number | null;
  kinds: Set<SearchKind>;
  sort: SearchSort;
}

/**
 * What a search asks, resolved once: the text, the origin of distances (a point, or a
 * postcode geocoded) and which kinds can match the filters and the viewer (people only
 * for signed-in members).
 */
export async function planSearch(viewer: Viewer, request: SearchRequest, geocoder: Geocoder): Promise<SearchPlan> {
  const filter = request.filter ?? {};
  const sort = request.sort ?? SearchSort.RELEVANCE;
  const text = request.query?.trim() || undefined;
  const origin = filter.near ? await resolveOrigin(filter, geocoder) : null;
  if (sort === SearchSort.NEAREST && !origin) throw badInput('sort', 'NEAREST needs filter.near');
  if (filter.openBetween && filter.openBetween.to <= filter.openBetween.from) {
    throw badInput('filter.openBetween.to', 'must be after from');
  }

  const serviceOnly =
    filter.age !== undefined ||
    filter.dayOfWeek !== undefined ||
    filter.openBetween !== undefined ||
    filter.freeOnly !== undefined ||
    filter.activeOnly !== undefined ||
    Boolean(filter.serviceTypeIds?.length);
  const practitionerOnly = filter.openToIntroductions !== undefined;
  const requested = new Set(filter.kinds?.length ? filter.kinds : Object.values(SearchKind));
  const kinds = new Set<SearchKind>();
  if (requested.has(SearchKind.ORGANISATION) && !serviceOnly && !practitionerOnly) kinds.add(SearchKind.ORGANISATION);
  // People are for signed-in members only.
  if (requested.has(SearchKind.PRACTITIONER) && !serviceOnly && allows(DIRECTORY_POLICY.findPeople, viewer, undefined))
    kinds.add(SearchKind.PRACTITIONER);
  if (requested.has(SearchKind.SERVICE) && !practitionerOnly) kinds.add(SearchKind.SERVICE);
  return { text, filter, origin, radius: filter.near?.withinMetres ?? null, kinds, sort };
}

async function resolveOrigin(filter: SearchFilter, geocoder: Geocoder): Promise<SearchOrigin> {
  const near = filter.near;
  const postcode = near?.postcode?.trim();
  const point = near?.point;
  if (postcode && point) throw badInput('filter.near', 'give a postcode or a point, not both');
  if (point) {
    return {
      latitude: point.latitude,
      longitude: point.longitude,
      precision: GeocodePrecisionKind.COORDINATES,
      postcode: null,
    };
  }
  if (!postcode) throw badInput('filter.near', 'needs a postcode or a point');
  if (!isUkPostcode(postcode) && !isOutwardCode(postcode)) {
    throw badInput('filter.near.postcode', 'is not a UK postcode (e.g. WS1 1TP, or a district such as WS1)');
  }
  const found = await geocoder.geocode(postcode);
  if (!found) throw badInput('filter.near.postcode', 'is not a postcode we know');
  return {
    latitude: found.latitude,
    longitude: found.longitude,
    precision: GeocodePrecisionKind[found.precision],
    postcode: found.postcode,
  };
}
