import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError, invalidFields, type FieldProblem } from '../errors/domain-error.js';

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

/**
 * Validates every argument and input with class-validator and turns failures into one
 * BAD_USER_INPUT error that lists each offending field by its path (`input.email`).
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
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const argument = metadata.type === 'custom' || !metadata.data ? '' : String(metadata.data);
      if (error instanceof DomainError && error.details.fields && argument !== '') {
        throw invalidFields(
          error.details.fields.map((problem) => ({ ...problem, field: join(argument, problem.field) })),
        );
      }
      throw error;
    }
  }
}
