import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { jsonPointerToField, shippedStandardDir, type FieldProblem } from '@cohesion/common';

/** The address every ORUK 3.0 schema is known by, and refers to the others by. */
export const ORUK_SCHEMA_BASE = 'https://openreferraluk.org/specifications/3.0/schema/';

/** The response schemas of the feed's endpoints (file names without `.json`). */
export type OrukSchemaName =
  | 'api_details'
  | 'service'
  | 'service_list'
  | 'organization'
  | 'organization_list'
  | 'taxonomy'
  | 'taxonomy_list'
  | 'taxonomy_term'
  | 'taxonomy_term_list'
  | 'service_at_location'
  | 'service_at_location_list';

/**
 * The Open Referral UK 3.0 files shipped in `shared/standards/oruk-3.0` (openapi.json,
 * schema/, examples/; BSD-3-Clause, LICENSE beside them).
 */
export function orukStandardDir(): string {
  return shippedStandardDir('oruk-3.0', 'openapi.json', dirname(fileURLToPath(import.meta.url)));
}

let ajv: InstanceType<typeof Ajv2020.default> | undefined;

/**
 * A validator for one ORUK 3.0 schema. Every file in schema/ is registered under its
 * https address first, so the `$ref`s between them resolve from disk and nothing is
 * fetched. The schemas are JSON Schema 2020-12 (the OpenAPI document's dialect) and
 * carry documentation keywords of their own (`core`, `constraints`, ...), so strict
 * mode is off; formats (uuid, uri, email, date-time) are checked.
 */
export function orukValidator(name: OrukSchemaName): ValidateFunction {
  if (!ajv) {
    const folder = join(orukStandardDir(), 'schema');
    ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
      ajv.addSchema(schema, `${ORUK_SCHEMA_BASE}${file}`);
    }
  }
  const validate = ajv.getSchema(`${ORUK_SCHEMA_BASE}${name}.json`);
  if (!validate) throw new Error(`No ORUK schema ${name}.json`);
  return validate;
}

/** The problems with a value against an ORUK schema, each naming the field; empty when it is valid. */
export function orukProblems(name: OrukSchemaName, value: unknown, base = ''): FieldProblem[] {
  const validate = orukValidator(name);
  return validate(value) ? [] : describeOrukErrors(validate.errors, base);
}

function messageFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(params.type)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'format':
      return params.format === 'uri' ? 'must be a full web address (URI)' : `must be a valid ${String(params.format)}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Ajv's errors as problems naming the field (`service_at_locations[0].location.id: must be a valid uuid`). */
export function describeOrukErrors(errors: readonly ErrorObject[] | null | undefined, base = ''): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors ?? []) {
    let field = jsonPointerToField(error.instancePath, base);
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      field = field ? `${field}.${missing}` : missing;
    }
    const message = error.keyword === 'required' ? 'is required' : messageFor(error);
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field, message });
  }
  return problems;
}
