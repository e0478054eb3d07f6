import type { Type } from '@nestjs/common';
import { InputType, PartialType } from '@nestjs/graphql';

/**
 * The base of every update input: each field of `classRef` (a create input), optional, with
 * no default. An update changes only the fields it names; a default inherited from the
 * create input would quietly reset a field the caller left out (an edit of a MEMBERS
 * listing republishing it as PUBLIC). Neither the schema's `defaultValue`s nor the create
 * class's property initialisers carry over.
 */
export function UpdateInputType<T>(classRef: Type<T>): Type<Partial<T>> {
  const Partial: Type<Partial<T>> = PartialType(classRef, { omitDefaultValues: true });
  @InputType({ isAbstract: true })
  class UpdateInput extends (Partial as new () => object) {
    constructor() {
      super();
      // PartialType copies the create class's initialised values onto each instance.
      for (const key of Object.keys(this)) delete (this as Record<string, unknown>)[key];
    }
  }
  Object.defineProperty(UpdateInput, 'name', { value: `Update${classRef.name}` });
  return UpdateInput;
}
