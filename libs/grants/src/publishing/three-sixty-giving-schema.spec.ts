import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { threeSixtyGivingSchemaDir } from './three-sixty-giving-schema.js';

/** The standard's own files, beside the repository, where the project's reference copies live. */
const REFERENCE = resolve(process.cwd(), '..', 'shared', 'standards', '360giving-1.4.3');

describe('the 360Giving schemas shipped with the app', () => {
  it('are found from the code, in the repository', () => {
    expect(threeSixtyGivingSchemaDir()).toBe(resolve(process.cwd(), 'shared', 'standards', '360giving-1.4.3'));
  });

  it('are the standard’s 1.4.3 files, byte for byte, where the reference copy is at hand', () => {
    for (const file of ['360-giving-package-schema.json', '360-giving-schema.json']) {
      const shipped = readFileSync(join(threeSixtyGivingSchemaDir(), file), 'utf8');
      expect(JSON.parse(shipped).$id).toMatch(/ThreeSixtyGiving\/standard\/.*\/schema\/360-giving/);
      if (existsSync(REFERENCE)) expect(shipped).toBe(readFileSync(join(REFERENCE, file), 'utf8'));
    }
  });
});
