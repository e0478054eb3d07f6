import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError, invalidFields, type FieldProblem } from '../errors/domain-error.js';
import { textProblem } from './text.js';

function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function flatten(errors: ValidationError[], parent: string, out: FieldProblem[]): FieldProblem[] {
  for (const error of errors) {
    const path = join(parent, error.property);
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts messages with the property name; the path says it better.
      const text = message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
      out.push({ field: path, message: text });
    }
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/** Every string anywhere in a value that could not be stored or searched, with its path. */
function textProblems(value: unknown, path: string, out: FieldProblem[]): FieldProblem[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ field: path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => textProblems(item, join(path, String(index)), out));
  } else if (isPlainData(value)) {
    for (const [key, item] of Object.entries(value)) textProblems(item, join(path, key), out);
  }
  return out;
}

/** An object of input data (a parsed JSON body or GraphQL input), not a service or a Date. */
function isPlainData(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype;
}

const defaultsByClass = new WeakMap<object, Record<string, unknown>>();

/** The values a fresh instance of an input class starts with (its declared defaults). */
function defaultsOf(instance: object): Record<string, unknown> {
  const type = instance.constructor;
  let defaults = defaultsByClass.get(type);
  if (!defaults) {
    try {
      defaults = { ...(new (type as new () => object)() as Record<string, unknown>) };
    } catch {
      defaults = {};
    }
    defaultsByClass.set(type, defaults);
  }
  return defaults;
}

/**
 * What an explicit null means. For a field with a default, the default, as leaving it out
 * does (`services(first: null)` is the first 10, not "LIMIT NaN"). In a query's arguments
 * (an ArgsType: filters, page sizes, cursors) null asks for nothing, so it is as if left
 * out, at any depth (`grantsReport(filter: null)`, `filter: { financialYears: null }`).
 * In a mutation's input a null without a default stays null: an update reads it as
 * "clear this".
 */
function normaliseNulls(value: unknown, nullIsAbsent: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) normaliseNulls(item, nullIsAbsent);
    return;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return;
  const defaults = isPlainData(value) ? {} : defaultsOf(value);
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) {
    if (item !== null) normaliseNulls(item, nullIsAbsent);
    else if (defaults[key] !== undefined && defaults[key] !== null) record[key] = defaults[key];
    else if (nullIsAbsent) delete record[key];
  }
}

/**
 * Validates every argument and input with class-validator and turns failures into one
 * BAD_USER_INPUT error that lists each offending field by its path (`input.email`).
 * Before that, every string of every argument is checked for what no field can hold
 * (the NUL character, half of a surrogate pair), so such text never reaches a validator,
 * a JSON encoder or SQL.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: false, value: true },
      exceptionFactory: (errors: ValidationError[]) => invalidFields(flatten(errors, '', [])),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameters (the viewer, the request) are the server's own, not input.
    if (metadata.type === 'custom') return value;
    const argument = metadata.data ? String(metadata.data) : '';
    const badText = textProblems(value, argument, []);
    if (badText.length) throw invalidFields(badText);
    try {
      const transformed = await super.transform(value, metadata);
      // A query's arguments arrive as one ArgsType object (`@Args() args`); a mutation's as `@Args('input')`.
      normaliseNulls(transformed, argument === '');
      return transformed;
    } catch (error) {
      if (error instanceof DomainError && error.details.fields && argument !== '') {
        throw invalidFields(
          error.details.fields.map((problem) => ({ ...problem, field: join(argument, problem.field) })),
        );
      }
      throw error;
    }
  }
}
