import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@cohesion/common';
import { addressOnDomain, normaliseEmailDomain } from './email-domains.js';

function problem(input: string): string | undefined {
  try {
    normaliseEmailDomain(input, 'input.domain');
    return undefined;
  } catch (error) {
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).message;
  }
}

describe('email domains', () => {
  it('keeps a registered domain, lower-case ASCII, and its subdomains', () => {
    expect(normaliseEmailDomain(' Walsall.GOV.uk. ', 'f')).toBe('walsall.gov.uk');
    expect(normaliseEmailDomain('west-midlands.police.uk', 'f')).toBe('west-midlands.police.uk');
    expect(normaliseEmailDomain('youth.walsall.gov.uk', 'f')).toBe('youth.walsall.gov.uk');
    expect(normaliseEmailDomain('bücher.co.uk', 'f')).toBe('xn--bcher-kva.co.uk');
  });

  it('refuses what can never vouch for an organisation’s staff', () => {
    for (const provider of ['gmail.com', 'GoogleMail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'icloud.com', 'proton.me']) {
      expect(problem(provider)).toMatch(/is a public email provider/);
    }
    for (const suffix of ['gov.uk', 'police.uk', 'co.uk', 'nhs.uk', 'github.io', 'com']) {
      expect(problem(suffix)).toMatch(/public suffix|known top-level domain/);
    }
    expect(problem('someone@walsall.gov.uk')).toMatch(/not an email address/);
    expect(problem('10.1.2.3')).toMatch(/not an IP address/);
    expect(problem('*.walsall.gov.uk')).toMatch(/must be a domain/);
    expect(problem('walsall council')).toMatch(/must be a domain/);
    expect(problem('intranet')).toMatch(/known top-level domain|public suffix/);
    expect(problem('example.invalid')).toMatch(/known top-level domain/);
  });

  it('matches an address on the domain or below it, never a look-alike', () => {
    expect(addressOnDomain('a.person@walsall.gov.uk', 'walsall.gov.uk')).toBe(true);
    expect(addressOnDomain('A.Person@Youth.Walsall.gov.uk', 'walsall.gov.uk')).toBe(true);
    expect(addressOnDomain('a.person@notwalsall.gov.uk', 'walsall.gov.uk')).toBe(false);
    expect(addressOnDomain('a.person@walsall.gov.uk.evil.example', 'walsall.gov.uk')).toBe(false);
    expect(addressOnDomain('walsall.gov.uk', 'walsall.gov.uk')).toBe(false);
  });
});
