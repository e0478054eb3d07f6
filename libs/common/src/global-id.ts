import { badInput } from './errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Opaque Relay global id: base64url of `Type:uuid`. Clients must not build or parse them. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  id: string;
}

/** Decodes a global id; undefined when it is not one of ours. */
export function decodeGlobalId(globalId: string): DecodedGlobalId | undefined {
  if (typeof globalId !== 'string' || globalId.length > 120 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = text.indexOf(':');
  if (separator <= 0) return undefined;
  const type = text.slice(0, separator);
  const id = text.slice(separator + 1);
  return /^[A-Z][A-Za-z]+$/.test(type) && isUuid(id) ? { type, id } : undefined;
}

/** The uuid behind a global id of the expected type, or a BAD_USER_INPUT naming the field. */
export function fromGlobalId(globalId: string, type: string, field: string): string {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badInput(field, `is not a valid ${type} id`);
  return decoded.id;
}

export function fromGlobalIds(globalIds: readonly string[], type: string, field: string): string[] {
  return globalIds.map((globalId, index) => fromGlobalId(globalId, type, `${field}[${index}]`));
}
