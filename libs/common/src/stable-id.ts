import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (version 5 layout, SHA-1): the same kind and key give the
 * same id on every machine and every call. The demo's records use it (so the documented
 * examples can name them), and so do parts the Open Referral feed shows without an id
 * of their own.
 */
export function stableId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`cohesion-network:${kind}:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
