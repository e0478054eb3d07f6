import type { EntityManager } from 'typeorm';
import { returningRows } from '@cohesion/common';
import type { GeocodePrecisionValue, LocationTypeValue } from '../services/service.entity.js';
import { freeIds } from './sourced-rows.js';

/** A place as a source gives it and the writer compares it. */
export interface SourcedLocation {
  sourceId: string;
  locationType: LocationTypeValue;
  name: string | null;
  description: string | null;
  addressId: string | null;
  attention: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  region: string | null;
  stateProvince: string | null;
  postcode: string | null;
  country: string;
  addressType: LocationTypeValue;
  latitude: number | null;
  longitude: number | null;
  geocodePrecision: GeocodePrecisionValue | null;
}

/** A service's link to a place: the link's id at the source, and the place. */
export interface SourcedServiceLocation {
  sourceId: string | null;
  location: SourcedLocation;
}

/** The columns of a place the writer writes, each with the field it holds. */
export const LOCATION_COLUMNS: [column: string, field: Exclude<keyof SourcedLocation, 'sourceId'>][] = [
  ['location_type', 'locationType'],
  ['name', 'name'],
  ['description', 'description'],
  ['address_id', 'addressId'],
  ['attention', 'attention'],
  ['address_line1', 'addressLine1'],
  ['address_line2', 'addressLine2'],
  ['town', 'town'],
  ['region', 'region'],
  ['state_province', 'stateProvince'],
  ['postcode', 'postcode'],
  ['country', 'country'],
  ['address_type', 'addressType'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['geocode_precision', 'geocodePrecision'],
];

/** The fields of a place's address. */
export type SourcedAddress = Pick<
  SourcedLocation,
  | 'addressId'
  | 'attention'
  | 'addressLine1'
  | 'addressLine2'
  | 'town'
  | 'region'
  | 'stateProvince'
  | 'postcode'
  | 'country'
  | 'addressType'
>;

/** What a place has when no address is known. */
export const NO_ADDRESS: SourcedAddress = {
  addressId: null,
  attention: null,
  addressLine1: null,
  addressLine2: null,
  town: null,
  region: null,
  stateProvince: null,
  postcode: null,
  country: 'GB',
  addressType: 'physical',
};

/** Writes the places imported services are at, found again by their source id. */
export class LocationRows {
  /** The addresses the directory has for these imported places, by source id. */
  async knownAddresses(
    manager: EntityManager,
    sourceIds: string[],
  ): Promise<(SourcedAddress & { sourceId: string })[]> {
    const addressColumns = LOCATION_COLUMNS.filter(([, field]) => field in NO_ADDRESS);
    return manager.query(
      `SELECT source_id AS "sourceId", ${addressColumns.map(([column, field]) => `${column} AS "${field}"`).join(', ')}
         FROM locations WHERE source_id = ANY($1::uuid[])`,
      [sourceIds],
    );
  }

  /**
   * Links the service to its places: each location found by its source id and brought up
   * to date, or created (with the publisher's id when free). A place of an import that
   * no service uses any more goes.
   */
  async link(
    manager: EntityManager,
    source: string,
    serviceId: string,
    organisationId: string,
    serviceLocations: SourcedServiceLocation[],
  ): Promise<void> {
    const previous = await returningRows<{ location_id: string }>(
      manager,
      'DELETE FROM service_locations WHERE service_id = $1 RETURNING location_id',
      [serviceId],
    );
    const links: { id?: string; serviceId: string; locationId: string }[] = [];
    const free = await freeIds(
      manager,
      'service_locations',
      serviceLocations.map((link) => link.sourceId),
    );
    for (const link of serviceLocations) {
      const location = link.location;
      const rows = await manager.query<{ id: string; sourceId: string | null }[]>(
        'SELECT id, source_id AS "sourceId" FROM locations WHERE source_id = $1 OR id = $1',
        [location.sourceId],
      );
      const values = [...LOCATION_COLUMNS.map(([, field]) => location[field]), source];
      const columns = [...LOCATION_COLUMNS.map(([column]) => column), 'source_feed'];
      const imported = rows.find((row) => row.sourceId === location.sourceId);
      let locationId: string;
      if (imported) {
        locationId = imported.id;
        await manager.query(
          `UPDATE locations SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
          [locationId, ...values],
        );
      } else {
        const [created] = await manager.query<{ id: string }[]>(
          `INSERT INTO locations (id, organisation_id, ${columns.join(', ')}, source_id)
           VALUES (coalesce($1, gen_random_uuid()), $2, ${values.map((_, index) => `$${index + 3}`).join(', ')},
                   $${values.length + 3})
           RETURNING id`,
          [rows.length ? null : location.sourceId, organisationId, ...values, location.sourceId],
        );
        locationId = created.id;
      }
      links.push({
        ...(link.sourceId && free.delete(link.sourceId) ? { id: link.sourceId } : {}),
        serviceId,
        locationId,
      });
    }
    for (const link of links) {
      await manager.query(
        'INSERT INTO service_locations (id, service_id, location_id) VALUES (coalesce($1, gen_random_uuid()), $2, $3)',
        [link.id ?? null, link.serviceId, link.locationId],
      );
    }
    if (previous.length) {
      await manager.query(
        `DELETE FROM locations l WHERE l.id = ANY($1::uuid[]) AND l.source_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.location_id = l.id)`,
        [previous.map((row) => row.location_id)],
      );
    }
  }
}
