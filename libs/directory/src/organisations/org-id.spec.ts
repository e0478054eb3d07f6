import { describe, expect, it } from '@jest/globals';
import { formatOrgId, orgIdRegisters, parseOrgId } from './org-id.js';

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
    ['GB-COH-ABC123', 'Companies House'],
    ['GB-LAE-walsall', 'Local authorities'],
    ['XX-ABC-123', 'org-id.guide list'],
    [`360G-${'x'.repeat(81)}`, 'at most 80 characters'],
    ['1234567', 'org-id.guide list'],
    ['GB-CHC-', 'Charity Commission'],
    ['US-EIN-', 'needs the US-EIN number'],
  ])('refuses %s, saying what the register expects', (text, message) => {
    const result = parseOrgId(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(message);
  });

  it('knows every register on the org-id.guide list shipped as data, with 360G', () => {
    const registers = orgIdRegisters();
    // lists.json holds the 823 lists of org-id/register at the commit its header names.
    expect(registers.size).toBe(824);
    for (const code of ['US-EIN', 'XI-GRID', 'XI-ROR', 'NL-KVK', 'CN-11-CR', 'GB-COH', '360G']) {
      expect(registers.has(code)).toBe(true);
    }
  });

  it.each([
    ['US-EIN-03-0413726', 'US-EIN', '03-0413726'],
    ['XI-GRID-grid.17063.33', 'XI-GRID', 'grid.17063.33'],
    ['XI-ROR-05asf4e91', 'XI-ROR', '05asf4e91'],
    ['NL-KVK-41202536', 'NL-KVK', '41202536'],
    ['CN-11-CR-110000001', 'CN-11-CR', '110000001'],
    // Prefixes are matched whatever their case, and written as the list has them.
    ['gb-chc-1123456', 'GB-CHC', '1123456'],
    ['Gb-Coh-sc123456', 'GB-COH', 'SC123456'],
    ['us-ein-47-1850312', 'US-EIN', '47-1850312'],
    // Companies House society numbers, and the Mutuals Public Register's forms.
    ['GB-COH-IP28755R', 'GB-COH', 'IP28755R'],
    ['GB-MPR-235C', 'GB-MPR', '235C'],
    ['GB-MPR-IP031455', 'GB-MPR', 'IP031455'],
  ])('reads %s on a register of the org-id.guide list', (text, scheme, identifier) => {
    expect(parseOrgId(text)).toEqual({ ok: true, value: { scheme, identifier } });
  });

  it('writes a Companies House number out to its 8 digits, saying so', () => {
    expect(parseOrgId('GB-COH-1234567')).toEqual({
      ok: true,
      value: { scheme: 'GB-COH', identifier: '01234567' },
      note: 'GB-COH-1234567 is read as GB-COH-01234567 (Companies House numbers have 8 digits)',
    });
  });
});
