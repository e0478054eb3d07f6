import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shippedStandardDir } from '@cohesion/common';

/**
 * Organisation identifiers in org-id.guide form (`GB-CHC-1234567`), as 360Giving and
 * Open Referral UK use them: a register's prefix, then the register's number. Every
 * register on the org-id.guide list is known (shipped as data in
 * `shared/standards/org-id/lists.json`); the registers below also have a format their
 * numbers are checked against. `360G` is for groups without a registration (the funder
 * mints the id).
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
    // Industrial and provident societies registered there are IP, 5 digits and R (IP28755R).
    pattern: /^([A-Z]{2}\d{6}|\d{8}|[A-Z]{2}\d{5}R)$/,
    expects: '8 digits, or 2 letters and 6 digits (e.g. 01234567, SC123456), or a society number (IP28755R)',
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
    pattern: /^(IP)?\d{1,6}[A-Z]{0,2}$/,
    expects: 'up to 6 digits and an optional suffix (e.g. 12345R, 235C, IP031455)',
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

/** `note` says how a number was written out in full (a Companies House number padded). */
export type OrgIdResult = { ok: true; value: OrgId; note?: string } | { ok: false; problem: string };

/** A register of the org-id.guide list: its prefix and name. */
export interface OrgIdRegister {
  code: string;
  name: string;
  deprecated: boolean;
}

/** The most characters an identifier after its prefix may have (what the directory stores). */
const MAX_IDENTIFIER_LENGTH = 80;

let registers: Map<string, OrgIdRegister> | undefined;

/** Every register of the org-id.guide list, by upper-case prefix, with 360G (360Giving's own). */
export function orgIdRegisters(): Map<string, OrgIdRegister> {
  if (registers) return registers;
  const dir = shippedStandardDir('org-id', 'lists.json', dirname(fileURLToPath(import.meta.url)));
  const data = JSON.parse(readFileSync(join(dir, 'lists.json'), 'utf8')) as { lists: OrgIdRegister[] };
  registers = new Map(data.lists.map((list) => [list.code.toUpperCase(), list]));
  for (const scheme of ORG_ID_SCHEMES) {
    if (!registers.has(scheme.code))
      registers.set(scheme.code, { code: scheme.code, name: scheme.register, deprecated: false });
  }
  return registers;
}

const KNOWN_FORMATS = new Map(ORG_ID_SCHEMES.map((scheme) => [scheme.code, scheme]));

/**
 * An identifier in org-id form, its prefix matched case-insensitively against the
 * org-id.guide list (the longest that fits, so `GB-LANI-` is not `GB-LA...`) and written
 * as the list has it. Numbers of a register with a known format are checked against it
 * (letters read as capitals); a Companies House number written without its leading zeros
 * (`GB-COH-1234567`) is padded to its 8 characters, saying so in `note`. Other registers'
 * numbers are taken as written (at most 80 characters).
 */
export function parseOrgId(text: string): OrgIdResult {
  const value = text.trim();
  const upper = value.toUpperCase();
  const known = orgIdRegisters();
  let code: string | undefined;
  for (let end = upper.indexOf('-'); end !== -1; end = upper.indexOf('-', end + 1)) {
    if (known.has(upper.slice(0, end))) code = upper.slice(0, end);
  }
  if (code === undefined) {
    return {
      ok: false,
      problem: `must start with the prefix of a register on the org-id.guide list (such as ${ORG_ID_SCHEMES.map((candidate) => candidate.code).join(', ')})`,
    };
  }
  const scheme = known.get(code)?.code ?? code;
  let identifier = value.slice(code.length + 1).trim();
  let note: string | undefined;
  const format = KNOWN_FORMATS.get(scheme);
  if (format && scheme !== '360G') {
    identifier = identifier.toUpperCase();
    if (scheme === 'GB-COH' && /^\d{1,7}$/.test(identifier)) {
      const padded = identifier.padStart(8, '0');
      note = `${scheme}-${identifier} is read as ${scheme}-${padded} (Companies House numbers have 8 digits)`;
      identifier = padded;
    }
  }
  if (format && !format.pattern.test(identifier)) {
    return { ok: false, problem: `is not a valid ${format.register} number: ${format.code} expects ${format.expects}` };
  }
  if (identifier === '') return { ok: false, problem: `needs the ${scheme} number after ${scheme}-` };
  if ([...identifier].length > MAX_IDENTIFIER_LENGTH) {
    return { ok: false, problem: `is too long: at most ${MAX_IDENTIFIER_LENGTH} characters after ${scheme}-` };
  }
  return note ? { ok: true, value: { scheme, identifier }, note } : { ok: true, value: { scheme, identifier } };
}

export function formatOrgId(id: OrgId): string {
  return `${id.scheme}-${id.identifier}`;
}
