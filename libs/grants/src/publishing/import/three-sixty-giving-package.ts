import { badInput, invalidFields, type FieldProblem } from '@cohesion/common';
import { describeSchemaErrors, threeSixtyGivingValidators } from '../three-sixty-giving-schema.js';
import { readGrant, type GrantReading } from './import-grant-reader.js';

/** A grant of a package as read: where it is, what the import would make of it, and why it cannot. */
export interface PackageEntry {
  /** Position of the grant in the package's `grants` list, from 0. */
  index: number;
  reading: GrantReading;
  /** Its problems, each naming its field; none when it can be imported. */
  problems: FieldProblem[];
}

/** A package's text as JSON, or BAD_USER_INPUT naming `field` (a byte order mark is allowed). */
export function parseThreeSixtyGivingJson(text: string, field = 'package'): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw badInput(field, `is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Every grant of a 360Giving package, read and checked against the schema (problems of
 * the package itself are BAD_USER_INPUT). A grant id given twice is a problem of the
 * later grant.
 */
export function readPackage(pkg: unknown, today: string): PackageEntry[] {
  const grants = grantsOf(pkg);
  const schemaProblems = checkAgainstSchema(pkg);
  const firstSeen = new Map<string, number>();
  const entries = grants.map((grant, index) => {
    const field = `grants[${index}]`;
    const reading = readGrant(grant, field, today);
    // The import's own message about a field says more than the schema's (and there is one per field).
    const own = reading.problems;
    const problems = [
      ...own,
      ...(schemaProblems.get(index) ?? []).filter((problem) => !own.some((mine) => mine.field === problem.field)),
    ];
    if (reading.grantId !== null) {
      const first = firstSeen.get(reading.grantId);
      if (first === undefined) firstSeen.set(reading.grantId, index);
      else
        problems.push({
          field: `${field}.id`,
          message: `${reading.grantId} appears earlier in the file, at grants[${first}]`,
        });
    }
    return { index, reading, problems };
  });
  return entries;
}

/** A classification's key: its vocabulary and code. */
export function termKey(term: { vocabulary: string; code: string }): string {
  return `${term.vocabulary}\n${term.code}`;
}

/** The package's grants, or BAD_USER_INPUT when it is not a package at all. */
function grantsOf(pkg: unknown): unknown[] {
  const grants =
    typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) ? (pkg as { grants?: unknown }).grants : undefined;
  if (!Array.isArray(grants)) {
    throw badInput('package', 'must be a 360Giving package: a JSON object with a "grants" list');
  }
  if (grants.length === 0) throw badInput('package.grants', 'must hold at least one grant');
  return grants;
}

/**
 * Checks the whole package against the schema. Problems with the package itself (its
 * metadata) are BAD_USER_INPUT; each failing grant is then checked on its own, and its
 * problems are returned by position, named from the package (`grants[3].awardDate`).
 */
function checkAgainstSchema(pkg: unknown): Map<number, FieldProblem[]> {
  const validators = threeSixtyGivingValidators();
  const byGrant = new Map<number, FieldProblem[]>();
  if (validators.package(pkg)) return byGrant;
  const failing = new Set<number>();
  const packageProblems: FieldProblem[] = [];
  for (const error of validators.package.errors ?? []) {
    const grant = /^\/grants\/(\d+)(\/|$)/.exec(error.instancePath);
    if (grant) failing.add(Number(grant[1]));
    else packageProblems.push(...describeSchemaErrors([error], 'package'));
  }
  if (packageProblems.length) throw invalidFields(packageProblems);
  const grants = (pkg as { grants: unknown[] }).grants;
  for (const index of failing) {
    validators.grant(grants[index]);
    byGrant.set(index, describeSchemaErrors(validators.grant.errors, `grants[${index}]`));
  }
  return byGrant;
}
