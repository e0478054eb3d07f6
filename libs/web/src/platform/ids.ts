import { decodeGlobalId, isUuid, notFound } from '@cohesion/common';

/**
 * The record a page's address names. Pages link with the ids the API shows (global ids,
 * `/services/U2VydmljZTo...`); links in emails written before the website may carry the
 * bare uuid, which works too. Anything else is a page that does not exist (404), never a
 * hint about which ids are real.
 */
export function recordId(segment: unknown, type: string): string {
  if (typeof segment === 'string') {
    if (isUuid(segment)) return segment;
    const decoded = decodeGlobalId(segment);
    if (decoded && decoded.type === type) return decoded.id;
  }
  throw notFound(type);
}
