/**
 * Organisation identifiers in org-id.guide form (`GB-CHC-1234567`), as 360Giving and
 * Open Referral UK use them. Each known register has a format for its identifiers;
 * `360G` is for groups without a registration (the funder mints the id).
 */
interface Scheme {
  code: string;
  register: string;
  pattern: RegExp;
  expects: string;
}

export const ORG_ID_SCHEMES: Scheme[] = [
  {
    code: 'GB-CHC',
    register: 'Charity Commission for England and Wales',
    pattern: /^\d{6,8}$/,
    expects: '6 to 8 digits',
  },
  { code: 'GB-SC', register: 'Scottish Charity Regulator', pattern: /^SC0\d{5}$/, expects: 'SC0 followed by 5 digits' },
  {
    code: 'GB-NIC',
    register: 'Charity Commission for Northern Ireland',
    pattern: /^1\d{5}$/,
    expects: '6 digits starting with 1',
  },
  {
    code: 'GB-COH',
    register: 'Companies House',
    pattern: /^([A-Z]{2}\d{6}|\d{8})$/,
    expects: '8 digits, or 2 capital letters and 6 digits (e.g. 01234567, SC123456)',
  },
  {
    code: 'GB-LAE',
    register: 'Local authorities in England',
    pattern: /^[A-Z]{3,4}$/,
    expects: 'a 3 or 4 letter code (e.g. WLL)',
  },
  {
    code: 'GB-LAS',
    register: 'Local authorities in Scotland',
    pattern: /^[A-Z]{3,4}$/,
    expects: 'a 3 or 4 letter code',
  },
  {
    code: 'GB-PLA',
    register: 'Principal local authorities in Wales',
    pattern: /^[A-Z]{3,4}$/,
    expects: 'a 3 or 4 letter code',
  },
  {
    code: 'GB-LANI',
    register: 'Local authorities in Northern Ireland',
    pattern: /^[A-Z]{3,4}$/,
    expects: 'a 3 or 4 letter code',
  },
  {
    code: 'GB-EDU',
    register: 'Schools (Get Information About Schools URN)',
    pattern: /^\d{6}$/,
    expects: 'a 6 digit URN',
  },
  {
    code: 'GB-UKPRN',
    register: 'UK Register of Learning Providers',
    pattern: /^1\d{7}$/,
    expects: '8 digits starting with 1',
  },
  {
    code: 'GB-NHS',
    register: 'NHS Organisation Data Service',
    pattern: /^[A-Z0-9]{3,6}$/,
    expects: 'an ODS code of 3 to 6 letters or digits',
  },
  {
    code: 'GB-MPR',
    register: 'Mutuals Public Register',
    pattern: /^\d{1,6}[A-Z]{0,2}$/,
    expects: 'up to 6 digits and an optional suffix (e.g. 12345R)',
  },
  {
    code: 'GB-GOR',
    register: 'UK Government Organisation Register',
    pattern: /^[A-Z]{1,2}\d{1,5}$/,
    expects: 'letters and digits such as D1198',
  },
  {
    code: '360G',
    register: '360Giving identifier for an unregistered group',
    // 360Giving puts no pattern on an identifier (any string): any text we can store.
    pattern: /^[\s\S]{1,80}$/u,
    expects: 'an identifier of at most 80 characters after 360G-',
  },
];

export interface OrgId {
  scheme: string;
  identifier: string;
}

export type OrgIdResult = { ok: true; value: OrgId } | { ok: false; problem: string };

const BY_LENGTH = [...ORG_ID_SCHEMES].sort((a, b) => b.code.length - a.code.length);

export function parseOrgId(text: string): OrgIdResult {
  const value = text.trim();
  const scheme = BY_LENGTH.find((candidate) => value.startsWith(`${candidate.code}-`));
  if (!scheme) {
    return {
      ok: false,
      problem: `must start with a known register: ${ORG_ID_SCHEMES.map((candidate) => candidate.code).join(', ')}`,
    };
  }
  const identifier = value.slice(scheme.code.length + 1);
  if (!scheme.pattern.test(identifier)) {
    return { ok: false, problem: `is not a valid ${scheme.register} number: ${scheme.code} expects ${scheme.expects}` };
  }
  return { ok: true, value: { scheme: scheme.code, identifier } };
}

export function formatOrgId(id: OrgId): string {
  return `${id.scheme}-${id.identifier}`;
}
