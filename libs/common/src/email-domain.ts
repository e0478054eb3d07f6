import { domainToASCII } from 'node:url';

/** The domain of an address, lower-case ASCII; undefined for something that is not an address. */
export function domainOfAddress(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1) return undefined;
  return (
    domainToASCII(
      email
        .slice(at + 1)
        .trim()
        .toLowerCase(),
    ) || undefined
  );
}

/**
 * Whether an address is on the domain or on one of its subdomains (`team.walsall.gov.uk`):
 * the one rule by which an email domain vouches for an address, wherever it is applied.
 */
export function addressOnDomain(email: string, domain: string): boolean {
  const own = domainOfAddress(email);
  return own !== undefined && (own === domain || own.endsWith(`.${domain}`));
}
