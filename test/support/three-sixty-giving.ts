import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// Both are CommonJS modules whose class (and plugin) is also their `default` export.
const Ajv2020 = ajv2020.default;
const addFormats = ajvFormats.default;

const STANDARD = join('standards', '360giving-1.4.3');

/**
 * The 360Giving 1.4.3 schema folder of the shared standards: `../shared/standards/...`
 * beside the repository (or the nearest such folder further up), else the copy the app
 * ships in `shared/standards/`.
 */
export function threeSixtyGivingStandardDir(): string {
  let directory = resolve(process.cwd(), '..');
  for (;;) {
    const candidate = join(directory, 'shared', STANDARD);
    if (existsSync(join(candidate, '360-giving-package-schema.json'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  // Without the reference copy at hand, the app's own copy (checked against it where both exist).
  const shipped = join(process.cwd(), 'shared', STANDARD);
  if (existsSync(join(shipped, '360-giving-package-schema.json'))) return shipped;
  throw new Error(`The 360Giving schemas were not found in shared/${STANDARD} above ${process.cwd()}`);
}

export interface ThreeSixtyGivingValidator {
  /** The problems with a 360Giving package (`{ grants: [...] }`); empty when it is valid. */
  packageErrors(data: unknown): ErrorObject[];
  /** The problems with one grant; empty when it is valid. */
  grantErrors(grant: unknown): ErrorObject[];
}

let shared: ThreeSixtyGivingValidator | undefined;

/**
 * A validator for 360Giving data against the standard's JSON Schemas (2020-12), with
 * format checks on (without them a valid date matches both branches of the date
 * `oneOf`s and fails). The package schema refers to the grant schema by its `$id`; both
 * are loaded from disk, so nothing is fetched.
 */
export function threeSixtyGivingValidator(): ThreeSixtyGivingValidator {
  if (shared) return shared;
  const directory = threeSixtyGivingStandardDir();
  // The files name their dialect `http://json-schema.org/draft/2020-12/schema`; the draft's
  // own id (which Ajv knows it by) is https. Same dialect, so each is checked against it.
  const load = (file: string) => {
    const schema = JSON.parse(readFileSync(join(directory, file), 'utf8')) as { $id: string; $schema?: string };
    return { ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' };
  };
  const grantSchema = load('360-giving-schema.json');
  const packageSchema = load('360-giving-package-schema.json');
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(grantSchema);
  const validatePackage: ValidateFunction = ajv.compile(packageSchema);
  const validateGrant = ajv.getSchema(grantSchema.$id) as ValidateFunction;
  shared = {
    packageErrors: (data) => (validatePackage(data) ? [] : [...(validatePackage.errors ?? [])]),
    grantErrors: (grant) => (validateGrant(grant) ? [] : [...(validateGrant.errors ?? [])]),
  };
  return shared;
}
