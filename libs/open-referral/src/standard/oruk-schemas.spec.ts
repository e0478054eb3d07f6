import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { orukProblems, orukStandardDir } from './oruk-schemas.js';

/** The standard's own files, beside the repository, where the project's reference copies live. */
const REFERENCE = resolve(process.cwd(), '..', 'shared', 'standards', 'oruk-3.0');

describe('the Open Referral UK 3.0 files shipped with the app', () => {
  it('are found from the code, in the repository', () => {
    expect(orukStandardDir()).toBe(resolve(process.cwd(), 'shared', 'standards', 'oruk-3.0'));
  });

  it('are the standard’s files, byte for byte, where the reference copy is at hand', () => {
    const shipped = orukStandardDir();
    const files = ['openapi.json', ...readdirSync(join(shipped, 'schema')).map((file) => join('schema', file))];
    expect(files).toContain(join('schema', 'service.json'));
    if (!existsSync(REFERENCE)) return;
    const reference = ['openapi.json', ...readdirSync(join(REFERENCE, 'schema')).map((file) => join('schema', file))];
    expect(files.sort()).toEqual(reference.sort());
    for (const file of files) {
      expect(readFileSync(join(shipped, file), 'utf8')).toBe(readFileSync(join(REFERENCE, file), 'utf8'));
    }
  });

  it('validate the standard’s own examples, offline, following the references between schemas', () => {
    const example = (file: string) => JSON.parse(readFileSync(join(orukStandardDir(), 'examples', file), 'utf8'));
    expect(orukProblems('service', example('service_full.json'))).toEqual([]);
    expect(orukProblems('service_list', example('service_list.json'))).toEqual([]);
    expect(orukProblems('organization', example('organization_full.json'))).toEqual([]);
    expect(orukProblems('service_at_location', example('service_at_location_full.json'))).toEqual([]);
    expect(orukProblems('taxonomy_term_list', example('taxonomy_term_list.json'))).toEqual([]);
  });

  it('name each field that breaks the schema, down the nested references', () => {
    const service = JSON.parse(readFileSync(join(orukStandardDir(), 'examples', 'service_full.json'), 'utf8'));
    delete service.name;
    service.status = 'open';
    service.service_at_locations[0].location.id = 'not-a-uuid';
    service.attributes[0].taxonomy_term.term_uri = 'no scheme';
    expect(orukProblems('service', service)).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'is required' },
        { field: 'status', message: expect.stringContaining('"temporarily closed"') },
        { field: 'service_at_locations[0].location.id', message: 'must be a valid uuid' },
        { field: 'attributes[0].taxonomy_term.term_uri', message: 'must be a full web address (URI)' },
      ]),
    );
  });
});
