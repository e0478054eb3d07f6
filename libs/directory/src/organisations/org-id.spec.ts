import { describe, expect, it } from '@jest/globals';
import { formatOrgId, parseOrgId } from './org-id.js';

describe('org-id identifiers', () => {
  it.each([
    ['GB-CHC-1234567', 'GB-CHC', '1234567'],
    ['GB-SC-SC012345', 'GB-SC', 'SC012345'],
    ['GB-COH-01234567', 'GB-COH', '01234567'],
    ['GB-COH-SC123456', 'GB-COH', 'SC123456'],
    ['GB-LAE-WLL', 'GB-LAE', 'WLL'],
    ['GB-NIC-100002', 'GB-NIC', '100002'],
    ['GB-EDU-123456', 'GB-EDU', '123456'],
    ['360G-walsall-pleck-residents', '360G', 'walsall-pleck-residents'],
    // Funders mint 360G- identifiers from their own systems: the standard allows any string.
    ['360G-ABCT-ORG:001b000000LQnRYAA1', '360G', 'ABCT-ORG:001b000000LQnRYAA1'],
    ['360G-cf/2019 org #12', '360G', 'cf/2019 org #12'],
    ['360G-Gwent-Cymdeithas-Gymraeg-Ŵyl', '360G', 'Gwent-Cymdeithas-Gymraeg-Ŵyl'],
  ])('reads %s', (text, scheme, identifier) => {
    const result = parseOrgId(text);
    expect(result).toEqual({ ok: true, value: { scheme, identifier } });
    if (result.ok) expect(formatOrgId(result.value)).toBe(text);
  });

  it.each([
    ['GB-CHC-12', 'Charity Commission'],
    ['GB-COH-123', 'Companies House'],
    ['GB-LAE-walsall', 'Local authorities'],
    ['XX-ABC-123', 'known register'],
    [`360G-${'x'.repeat(81)}`, 'at most 80 characters'],
    ['1234567', 'known register'],
  ])('refuses %s, saying what the register expects', (text, message) => {
    const result = parseOrgId(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(message);
  });
});
