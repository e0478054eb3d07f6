import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { threeSixtyGivingSchemaDir, threeSixtyGivingValidators } from '../three-sixty-giving-schema.js';
import { csvLine } from '@cohesion/common';
import { ThreeSixtyGivingCsv } from './three-sixty-giving.csv.js';
import type { ThreeSixtyGivingGrant } from './three-sixty-giving.types.js';

interface SchemaNode {
  title?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/**
 * Every column title of the 360Giving grant schema, as flatten-tool composes them (each
 * property's title, or its $ref's, after its parents' titles with ':'), with the path of
 * the field it stands for; `#` is the array item, the first unnumbered.
 */
function schemaTitles(): Map<string, string[]> {
  const schema = JSON.parse(readFileSync(join(threeSixtyGivingSchemaDir(), '360-giving-schema.json'), 'utf8')) as {
    $defs: Record<string, SchemaNode>;
  } & SchemaNode;
  const resolve = (node: SchemaNode): SchemaNode =>
    node.$ref ? schema.$defs[node.$ref.replace('#/$defs/', '')] : node;
  const titles = new Map<string, string[]>();
  const walk = (node: SchemaNode, title: string[], path: string[]) => {
    for (const [name, child] of Object.entries(resolve(node).properties ?? {})) {
      const target = resolve(child);
      const here = [...title, child.title ?? target.title ?? name];
      const items = target.items ? resolve(target.items) : undefined;
      if (items?.properties && here.length < 4) walk(items, here, [...path, name, '#']);
      else if (target.properties && here.length < 4) walk(target, here, [...path, name]);
      else titles.set(here.join(':'), [...path, name]);
    }
  };
  walk(schema, [], []);
  return titles;
}

/** The value at a schema path in a grant, `#` being the item numbered `index`. */
function valueAt(grant: unknown, path: string[], index: number): unknown {
  return path.reduce<unknown>(
    (value, step) =>
      value === undefined || value === null
        ? undefined
        : (value as Record<string, unknown>)[step === '#' ? index : step],
    grant,
  );
}

/** A grant with every field the product publishes, two beneficiary locations among them. */
const FULL: ThreeSixtyGivingGrant = {
  id: '360G-walsall-7b0a',
  title: 'Pleck youth football',
  description: 'Weekly sessions for three communities.',
  currency: 'GBP',
  amountAppliedFor: 5000,
  amountAwarded: 4500.5,
  amountDisbursed: 2000,
  awardDate: '2024-05-14',
  plannedDates: [{ startDate: '2024-06-01', endDate: '2025-03-31', duration: 10 }],
  actualDates: [{ startDate: '2024-06-01', endDate: '2024-12-31', duration: 7 }],
  recipientOrganization: [
    {
      id: 'GB-CHC-1123456',
      name: 'Pleck Community Sports',
      charityNumber: '1123456',
      companyNumber: '09876543',
      addressLocality: 'Walsall',
      postalCode: 'WS2 9HB',
    },
  ],
  fundingOrganization: [{ id: 'GB-LAE-WLL', name: 'Walsall Council' }],
  grantProgramme: [{ code: 'WCMG', title: 'Walsall Cohesion Micro-grants' }],
  beneficiaryLocation: [
    { name: 'Pleck', geoCode: 'E05001234', geoCodeType: 'WD', countryCode: 'GB' },
    { name: 'Walsall', geoCode: 'E08000030', geoCodeType: 'MD', countryCode: 'GB' },
  ],
  classifications: [
    { vocabulary: 'cohesion-themes', code: 'sport', title: 'Sport and recreation' },
    { vocabulary: 'cohesion-themes', code: 'young-people', title: 'Young people' },
  ],
  fromOpenCall: 'Yes',
  dateModified: '2025-04-30T09:00:00.000Z',
  dataSource: 'https://example.org/360giving/funds/x.json',
};

describe('360Giving CSV', () => {
  it('writes every value as it is: the file is data for 360Giving’s tools, not a spreadsheet', () => {
    const csv = new ThreeSixtyGivingCsv({ locations: 1, classifications: 1 });
    const header = csv.header().trimEnd().split(',');
    const row = csv
      .row({ ...FULL, title: '-5 degrees and rising', description: '=Paddock Youth Forum', beneficiaryLocation: [] })
      .trimEnd()
      .split(',');
    expect(row[header.indexOf('Title')]).toBe('-5 degrees and rising');
    expect(row[header.indexOf('Description')]).toBe('=Paddock Youth Forum');
  });

  it('titles every column as the 360Giving schema does, and puts that field under it', () => {
    expect(threeSixtyGivingValidators().grant(FULL)).toBe(true);
    const titles = schemaTitles();
    expect(titles.get('Beneficiary Location:Geographic Code')).toEqual(['beneficiaryLocation', '#', 'geoCode']);
    const csv = new ThreeSixtyGivingCsv({ locations: 2, classifications: 2 });
    const header = csv.header().trimEnd().split(',');
    const expected = header.map((title) => {
      // A further item of a list is numbered after its list's title: `Beneficiary Location:1:Name`.
      const numbered = /^([^:]+):(\d+):(.+)$/.exec(title);
      const base = numbered ? `${numbered[1]}:${numbered[3]}` : title;
      const path = titles.get(base);
      expect({ title, known: path !== undefined }).toEqual({ title, known: true });
      return valueAt(FULL, path ?? [], numbered ? Number(numbered[2]) : 0) as string | number | undefined;
    });
    expect(csv.row(FULL)).toBe(csvLine(expected, { guardFormulas: false }));
    // Every field of the grant is somewhere in the row.
    expect(expected.filter((value) => value !== undefined)).toHaveLength(header.length);
  });

  it('numbers further beneficiary locations and themes as the standard flattens arrays', () => {
    const csv = new ThreeSixtyGivingCsv({ locations: 2, classifications: 2 });
    const header = csv.header().trimEnd().split(',');
    const row = csv.row(FULL).trimEnd().split(',');
    expect(row[header.indexOf('Beneficiary Location:Geographic Code')]).toBe('E05001234');
    expect(row[header.indexOf('Beneficiary Location:1:Geographic Code')]).toBe('E08000030');
    expect(row[header.indexOf('Beneficiary Location:1:Name')]).toBe('Walsall');
    expect(new ThreeSixtyGivingCsv({ locations: 0, classifications: 0 }).header()).not.toContain(
      'Beneficiary Location:1:',
    );
    expect(row[header.indexOf('Classifications:Code')]).toBe('sport');
    expect(row[header.indexOf('Classifications:1:Title')]).toBe('Young people');
  });
});
