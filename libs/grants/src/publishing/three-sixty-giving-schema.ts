import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { jsonPointerToField, shippedStandardDir, type FieldProblem } from '@cohesion/common';

const PACKAGE_SCHEMA = '360-giving-package-schema.json';
const GRANT_SCHEMA = '360-giving-schema.json';

export interface ThreeSixtyGivingValidators {
  /** A whole package, except that `grants` is not checked for identical items (see below). */
  package: ValidateFunction;
  /** One grant. */
  grant: ValidateFunction;
}

/**
 * The folder holding the schemas: `shared/standards/360giving-1.4.3` in the repository
 * (and in the Docker image).
 */
export function threeSixtyGivingSchemaDir(): string {
  return shippedStandardDir('360giving-1.4.3', PACKAGE_SCHEMA, dirname(fileURLToPath(import.meta.url)));
}

function readSchema(dir: string, file: string): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  // The files name the 2020-12 meta-schema by its old http address, which Ajv does not
  // know; the Ajv2020 class validates 2020-12 schemas without being told.
  delete schema.$schema;
  return schema;
}

let compiled: ThreeSixtyGivingValidators | undefined;

/**
 * The 360Giving 1.4.3 validators, compiled once per process: JSON Schema 2020-12 with
 * format checks on (a valid date otherwise matches both branches of the dates' oneOf
 * and fails), the grant schema registered under its $id so the package's $ref resolves
 * without the network.
 *
 * `uniqueItems` on `grants` is left to the caller: Ajv compares every pair of grants
 * (about 34 s for 10,000 grants), while a check that grant ids are unique is linear and
 * stronger (identical grants have identical ids).
 */
export function threeSixtyGivingValidators(): ThreeSixtyGivingValidators {
  if (compiled) return compiled;
  const dir = threeSixtyGivingSchemaDir();
  const grantSchema = readSchema(dir, GRANT_SCHEMA);
  const packageSchema = readSchema(dir, PACKAGE_SCHEMA);
  delete (packageSchema.properties as { grants: Record<string, unknown> }).grants.uniqueItems;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(grantSchema);
  compiled = {
    package: ajv.compile(packageSchema),
    grant: ajv.getSchema(grantSchema.$id as string) as ValidateFunction,
  };
  return compiled;
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  boolean: 'true or false',
  integer: 'a whole number',
  null: 'null',
  number: 'a number',
  object: 'an object',
  string: 'text',
};

function messageFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      return `must be ${types.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}`;
    }
    case 'enum':
      return 'is not one of the codes the 360Giving codelist allows';
    case 'format':
      return params.format === 'uri' ? 'must be a full web address (URI)' : `must be a ${String(params.format)}`;
    case 'minItems':
      return `must hold at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'oneOf':
      return 'must match exactly one of the forms the 360Giving schema allows';
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * Ajv's errors as problems naming the field, one message each: a missing property is
 * named itself (`grants[2].awardDate: is required`), a date that fits neither the date
 * nor the date-time form says so once, and a oneOf that failed because of errors
 * already listed is not repeated. Grants to individuals are not the product's business,
 * so the `recipientIndividual` alternative is never suggested.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, base = ''): FieldProblem[] {
  const list = errors ?? [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (field: string, message: string) => {
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ field, message });
  };
  for (const error of list) {
    const field = jsonPointerToField(error.instancePath, base);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      if (params.missingProperty === 'recipientIndividual') continue;
      add(field ? `${field}.${String(params.missingProperty)}` : String(params.missingProperty), 'is required');
      continue;
    }
    const atSameField = list.filter((other) => other !== error && other.instancePath === error.instancePath);
    if (error.keyword === 'oneOf') {
      const keywords = new Set(atSameField.map((other) => other.keyword));
      if (keywords.has('format') || keywords.has('pattern')) {
        add(field, 'must be a date written YYYY-MM-DD, or a date-time');
        continue;
      }
      // Explained by the errors found in its branches (listed on their own).
      const explained = list.some(
        (other) =>
          other !== error &&
          other.keyword !== 'oneOf' &&
          (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
      );
      if (explained) continue;
    }
    if (
      (error.keyword === 'format' || error.keyword === 'pattern') &&
      atSameField.some((other) => other.keyword === 'oneOf')
    ) {
      continue; // one branch of a date's oneOf: the oneOf says it once
    }
    add(field, messageFor(error));
  }
  return problems;
}
