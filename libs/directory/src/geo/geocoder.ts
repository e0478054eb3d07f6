import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER, normalisePostcode, outwardCodeOf } from '@cohesion/common';
import { UK_OUTCODES } from './uk-outcodes.data.js';

/** How exactly a place was found: the postcode itself, or only its district (outward code). */
export type GeocodePrecision = 'POSTCODE' | 'OUTWARD_CODE';

export interface GeocodedPoint {
  latitude: number;
  longitude: number;
  precision: GeocodePrecision;
  /** The normalised postcode or outward code the point is for. */
  postcode: string;
}

/** Where a place is, and how exactly that is known (null, null, null: not placed). */
export interface Placement {
  latitude: number | null;
  longitude: number | null;
  geocodePrecision: GeocodePrecision | 'COORDINATES' | null;
}

const NOWHERE: Placement = { latitude: null, longitude: null, geocodePrecision: null };

/** Turns a UK postcode (full, or an outward code such as WS1) into coordinates. */
export abstract class Geocoder {
  /** undefined when the postcode is well-formed but not known. */
  abstract geocode(postcode: string): Promise<GeocodedPoint | undefined>;

  /**
   * Places an address: at the coordinates given, else where its postcode is (the
   * postcode itself, or the centre of its district), else nowhere.
   */
  async place(
    postcode: string | null | undefined,
    point: { latitude: number; longitude: number } | null | undefined,
  ): Promise<Placement> {
    if (point) return { latitude: point.latitude, longitude: point.longitude, geocodePrecision: 'COORDINATES' };
    const found = postcode ? await this.geocode(postcode) : undefined;
    if (!found) return NOWHERE;
    return { latitude: found.latitude, longitude: found.longitude, geocodePrecision: found.precision };
  }
}

let outcodes: Map<string, [number, number]> | undefined;

/** The district centres shipped with the project (2,848 UK outward codes). */
export function outcodeCentre(outward: string): [number, number] | undefined {
  if (!outcodes) {
    outcodes = new Map();
    for (const line of UK_OUTCODES.split('\n')) {
      const [code, latitude, longitude] = line.split(',');
      outcodes.set(code, [Number(latitude), Number(longitude)]);
    }
  }
  return outcodes.get(outward.toUpperCase());
}

/**
 * Works without the network: a full postcode is found where the directory already
 * holds an address with it (the demo data, listed organisations and venues placed
 * by more than their district); any other postcode falls back to the centre of its
 * district from the shipped outward-code table.
 */
@Injectable()
export class OfflineGeocoder extends Geocoder {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async geocode(postcode: string): Promise<GeocodedPoint | undefined> {
    const full = normalisePostcode(postcode);
    if (full) {
      const [row] = await this.dataSource.query<{ latitude: number | null; longitude: number | null }[]>(
        `SELECT avg(latitude) AS latitude, avg(longitude) AS longitude FROM (
           SELECT latitude, longitude FROM organisations WHERE postcode = $1 AND latitude IS NOT NULL
           UNION ALL
           SELECT latitude, longitude FROM locations
            WHERE postcode = $1 AND country = 'GB' AND latitude IS NOT NULL AND geocode_precision <> 'OUTWARD_CODE') known`,
        [full],
      );
      if (row && row.latitude !== null && row.longitude !== null) {
        return {
          latitude: Number(row.latitude),
          longitude: Number(row.longitude),
          precision: 'POSTCODE',
          postcode: full,
        };
      }
    }
    return this.outward(postcode);
  }

  outward(postcode: string): GeocodedPoint | undefined {
    const outward = outwardCodeOf(postcode);
    const centre = outward ? outcodeCentre(outward) : undefined;
    if (!outward || !centre) return undefined;
    return { latitude: centre[0], longitude: centre[1], precision: 'OUTWARD_CODE', postcode: outward };
  }
}

interface PostcodesIoResponse {
  status: number;
  result?: { latitude: number | null; longitude: number | null; postcode?: string; outcode?: string };
}

/**
 * postcodes.io (ONS Postcode Directory) for exact positions of any postcode, with the
 * offline geocoder behind it when the service says no, is slow, or cannot be reached.
 */
@Injectable()
export class PostcodesIoGeocoder extends Geocoder {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly fallback: OfflineGeocoder,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  async geocode(postcode: string): Promise<GeocodedPoint | undefined> {
    const full = normalisePostcode(postcode);
    const outward = outwardCodeOf(postcode);
    try {
      if (full) {
        const found = await this.lookup(`postcodes/${encodeURIComponent(full)}`);
        if (found) return { ...found, precision: 'POSTCODE', postcode: full };
      } else if (outward) {
        const found = await this.lookup(`outcodes/${encodeURIComponent(outward)}`);
        if (found) return { ...found, precision: 'OUTWARD_CODE', postcode: outward };
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'postcodes.io did not answer; using the offline geocoder');
    }
    return this.fallback.geocode(postcode);
  }

  private async lookup(path: string): Promise<{ latitude: number; longitude: number } | undefined> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/${path}`, {
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`postcodes.io answered ${response.status}`);
    const body = (await response.json()) as PostcodesIoResponse;
    const { latitude, longitude } = body.result ?? {};
    return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : undefined;
  }
}
