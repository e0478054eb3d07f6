import type { SqlParams } from '@cohesion/common';

const METRES_PER_DEGREE = 111_320;

/** A point to measure from, as SQL placeholders (float8). */
export interface PointSql {
  latitude: string;
  longitude: string;
}

/** A point and a radius around it, with the latitude/longitude box that holds the circle, as SQL placeholders. */
export interface CircleSql extends PointSql {
  radius: string;
  south: string;
  north: string;
  west: string;
  east: string;
}

/** The point's coordinates, added to `params`. */
export function pointSql(point: { latitude: number; longitude: number }, params: SqlParams): PointSql {
  return {
    latitude: `${params.add(point.latitude)}::float8`,
    longitude: `${params.add(point.longitude)}::float8`,
  };
}

/**
 * A circle of `radius` metres around the point, and a latitude/longitude box around the
 * circle (1% wider, so rounding never cuts it): the box is what an index (and the
 * planner's statistics) can use; the great-circle distance then keeps the circle exactly.
 */
export function circleSql(
  point: { latitude: number; longitude: number },
  radius: number,
  params: SqlParams,
): CircleSql {
  const margin = 1.01;
  const dLat = (radius / METRES_PER_DEGREE) * margin;
  const dLng = (radius / (METRES_PER_DEGREE * Math.cos((point.latitude * Math.PI) / 180))) * margin;
  return {
    ...pointSql(point, params),
    radius: `${params.add(radius)}::float8`,
    south: `${params.add(point.latitude - dLat)}::float8`,
    north: `${params.add(point.latitude + dLat)}::float8`,
    west: `${params.add(point.longitude - dLng)}::float8`,
    east: `${params.add(point.longitude + dLng)}::float8`,
  };
}

/** Great-circle metres from the point to the columns `latitude`, `longitude` (distance_metres: haversine, inlined by the planner). */
export function distanceSql(point: PointSql, latitude: string, longitude: string): string {
  return `distance_metres(${point.latitude}, ${point.longitude}, ${latitude}, ${longitude})`;
}

/** Whether the columns `latitude`, `longitude` lie within the circle: the box first, then the exact distance. */
export function withinSql(circle: CircleSql, latitude: string, longitude: string): string {
  return `${latitude} BETWEEN ${circle.south} AND ${circle.north}
          AND ${longitude} BETWEEN ${circle.west} AND ${circle.east}
          AND ${distanceSql(circle, latitude, longitude)} <= ${circle.radius}`;
}
