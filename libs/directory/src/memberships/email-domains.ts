import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import { badInput } from '@cohesion/common';

/**
 * Free mailbox providers: anyone can have an address there, so none of them can ever vouch
 * that a person works somewhere.
 */
export const PUBLIC_EMAIL_PROVIDERS: ReadonlySet<string> = new Set([
  'aol.com',
  'aol.co.uk',
  'btinternet.com',
  'btopenworld.com',
  'fastmail.com',
  'fastmail.fm',
  'gmail.com',
  'gmx.com',
  'gmx.co.uk',
  'gmx.net',
  'googlemail.com',
  'hey.com',
  'hotmail.com',
  'hotmail.co.uk',
  'icloud.com',
  'live.com',
  'live.co.uk',
  'mac.com',
  'mail.com',
  'me.com',
  'msn.com',
  'ntlworld.com',
  'outlook.com',
  'outlook.co.uk',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'sky.com',
  'talktalk.net',
  'tiscali.co.uk',
  'tutanota.com',
  'virginmedia.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yandex.com',
  'ymail.com',
  'zoho.com',
]);

/**
 * An email domain as stored: lower-case ASCII (international names in their xn-- form), a
 * name registered under a public suffix (`walsall.gov.uk`, not `gov.uk`, not `github.io`),
 * never a public mail provider, an address, an IP address or a wildcard.
 */
export function normaliseEmailDomain(input: string, field: string): string {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed.includes('@')) throw badInput(field, 'must be a domain such as walsall.gov.uk, not an email address');
  if (!/^[\p{L}\p{N}.-]+$/u.test(trimmed)) throw badInput(field, 'must be a domain such as walsall.gov.uk');
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > 253) throw badInput(field, 'must be a domain such as walsall.gov.uk');
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp) throw badInput(field, 'must be a domain name, not an IP address');
  if (!parsed.isIcann && !parsed.isPrivate) throw badInput(field, 'must end in a known top-level domain');
  if (!parsed.domain) throw badInput(field, `${ascii} is a public suffix that anyone can register under`);
  if (PUBLIC_EMAIL_PROVIDERS.has(parsed.domain)) {
    throw badInput(field, `${ascii} is a public email provider; it cannot vouch for an organisation's staff`);
  }
  return ascii;
}

export { addressOnDomain, domainOfAddress } from '@cohesion/common';
