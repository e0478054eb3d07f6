import { Injectable } from '@nestjs/common';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { InputValidationPipe } from '../validation/validation.pipe.js';
import type { RequestContext } from './request-context.js';

/** Where a parent object keeps the values fetched ahead for its fields, by response key. */
const PREFETCHED = Symbol('prefetched');

type Parent = Record<PropertyKey, unknown> & { [PREFETCHED]?: Map<string, unknown> };

/**
 * How to fetch one field for a parent: the same code its field resolver runs, called
 * directly. Called for every parent of a level at once, so its DataLoader batches them
 * into one statement.
 */
export interface FieldPrefetch {
  type: string;
  field: string;
  /** The field's arguments class, validated as the resolver's @Args would be. */
  args?: new () => object;
  resolve(parent: never, args: never, context: RequestContext): unknown;
}

/** A field asked of a type at one level: its response key, name and (validated) arguments. */
export interface FieldRequest {
  key: string;
  field: string;
  args: Record<string, unknown>;
  /** The fields asked of the objects found at `path` below this one (e.g. `['edges', 'node']`). */
  below(path: string[]): Promise<FieldRequest[]>;
}

/**
 * Fetches several fields of a type, and fields below them, for all parents of a level
 * in one statement, attaching what it fetched with `attachPrefetched`; whatever it
 * leaves is then fetched field by field.
 */
export interface LevelReader {
  type: string;
  read(parents: never[], requests: FieldRequest[], context: RequestContext): Promise<void>;
}

/** Records `value` as `target`'s answer for the field at response key `key`. */
export function attachPrefetched(target: object, key: string, value: unknown): void {
  ((target as Parent)[PREFETCHED] ??= new Map()).set(key, value);
}

/**
 * Returns the value fetched ahead for a field, when there is one, without calling its
 * resolver (Nest wraps every resolver in parameter pipes and a promise; a nested list
 * of 50 organisations calls them hundreds of times). Applied once to the built schema.
 */
export function servePrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      // Nest gives plain properties a resolver that reads the property; they are never read
      // ahead, and GraphQL's own default does the same without a call per field.
      if (!resolve || resolve.name === 'rootFieldResolver') continue;
      field.resolve = (source: Parent | null, args, context, info) => {
        const store = source?.[PREFETCHED];
        const key = info.path.key as string;
        if (store?.has(key)) return store.get(key);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

interface Level {
  parents: Parent[];
  type: GraphQLObjectType;
  selectionSet: SelectionSetNode;
}

/**
 * Fetches a query's nested fields level by level before GraphQL walks the result: every
 * registered field asked for at one depth is fetched for all its parents together (one
 * statement per field and level, as the loaders batch it), then the next depth. GraphQL
 * then completes the whole tree from memory, synchronously. A field whose prefetch fails
 * for a parent is left to its resolver, which reports the error where it belongs.
 */
@Injectable()
export class Prefetcher {
  private readonly fields = new Map<string, FieldPrefetch>();
  private readonly readers = new Map<string, LevelReader>();
  private readonly pipe = new InputValidationPipe();

  register(...prefetches: FieldPrefetch[]): void {
    for (const prefetch of prefetches) this.fields.set(`${prefetch.type}.${prefetch.field}`, prefetch);
  }

  registerReader(reader: LevelReader): void {
    this.readers.set(reader.type, reader);
  }

  /** Prefetches below `result`, the value the current root field resolved to. */
  async below(result: unknown, info: GraphQLResolveInfo, context: RequestContext): Promise<void> {
    const type = getNamedType(info.returnType);
    const levels: Level[] = [];
    for (const node of info.fieldNodes) {
      if (node.selectionSet) this.collect(levels, objectsIn(result), type, node.selectionSet, info);
    }
    await this.run(levels, info, context);
  }

  private async run(levels: Level[], info: GraphQLResolveInfo, context: RequestContext): Promise<void> {
    await Promise.all(levels.map((level) => this.read(level, info, context)));
    const next: Level[] = [];
    const tasks: Promise<void>[] = [];
    for (const level of levels) {
      for (const [key, nodes] of this.fieldsOf(level.type, level.selectionSet, info)) {
        const definition = level.type.getFields()[nodes[0].name.value];
        if (!definition) continue;
        const prefetch = this.fields.get(`${level.type.name}.${definition.name}`);
        if (prefetch) {
          tasks.push(this.fetch(prefetch, level.type, definition, key, nodes, level.parents, info, context, next));
        } else if (nodes.some((node) => node.selectionSet)) {
          // A property of the parent (a connection's edges, an edge's node): look inside it at this same
          // depth. Where a resolver computes the field instead, the parent has no such property, or
          // GraphQL will see other objects than these: then nothing fetched here is ever read.
          const values = level.parents.flatMap((parent) => objectsIn(parent[definition.name]));
          for (const node of nodes) {
            if (node.selectionSet) this.collect(next, values, getNamedType(definition.type), node.selectionSet, info);
          }
        }
      }
    }
    await Promise.all(tasks);
    if (next.length) await this.run(next, info, context);
  }

  /** Lets the type's reader, if it has one, fetch what it can of the level in one go. */
  private async read(level: Level, info: GraphQLResolveInfo, context: RequestContext): Promise<void> {
    const reader = this.readers.get(level.type.name);
    if (!reader) return;
    const requests = await this.requests(level.type, level.selectionSet, info);
    if (requests.length === 0) return;
    try {
      await reader.read(level.parents as never[], requests, context);
    } catch {
      // Left to the fields' own prefetches and resolvers, which report any error where it belongs.
    }
  }

  /** The requests of a selection on `type`; a field whose arguments do not validate is left out (its resolver refuses them). */
  private async requests(
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    info: GraphQLResolveInfo,
  ): Promise<FieldRequest[]> {
    const requests: FieldRequest[] = [];
    for (const [key, nodes] of this.fieldsOf(type, selectionSet, info)) {
      const definition = type.getFields()[nodes[0].name.value];
      if (!definition) continue;
      const args = await this.argumentsOf(definition, type, nodes[0], info);
      if (!args) continue;
      requests.push({
        key,
        field: definition.name,
        args,
        below: async (path) => {
          let current = getNamedType(definition.type);
          let sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
          for (const name of path) {
            if (!isObjectType(current)) return [];
            const objectType = current;
            const inner = sets.flatMap((set) => this.fieldsOf(objectType, set, info).get(name) ?? []);
            const field = objectType.getFields()[name];
            if (!field) return [];
            current = getNamedType(field.type);
            sets = inner.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
          }
          if (!isObjectType(current)) return [];
          const found: FieldRequest[] = [];
          for (const set of sets) found.push(...(await this.requests(current, set, info)));
          return found;
        },
      });
    }
    return requests;
  }

  /** A field's argument values, validated as its resolver's @Args are; null when they would be refused. */
  private async argumentsOf(
    definition: GraphQLField<unknown, unknown>,
    type: GraphQLObjectType,
    node: FieldNode,
    info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const args = getArgumentValues(definition, node, info.variableValues);
    const metatype = this.fields.get(`${type.name}.${definition.name}`)?.args;
    if (!metatype) return args;
    try {
      return (await this.pipe.transform(args, { type: 'body', metatype })) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  private async fetch(
    prefetch: FieldPrefetch,
    parentType: GraphQLObjectType,
    definition: GraphQLField<unknown, unknown>,
    key: string,
    nodes: FieldNode[],
    parents: Parent[],
    info: GraphQLResolveInfo,
    context: RequestContext,
    next: Level[],
  ): Promise<void> {
    // A level reader may have fetched this field already (for some parents or all).
    const pending = parents.filter((parent) => !parent[PREFETCHED]?.has(key));
    if (pending.length) {
      const args = await this.argumentsOf(definition, parentType, nodes[0], info);
      if (!args) return; // The resolver will refuse the arguments with the usual error.
      const settled = await Promise.allSettled(
        pending.map(async (parent) => prefetch.resolve(parent as never, args as never, context)),
      );
      settled.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') attachPrefetched(pending[index], key, outcome.value);
      });
    }
    const objects = parents.flatMap((parent) =>
      parent[PREFETCHED]?.has(key) ? objectsIn(parent[PREFETCHED].get(key)) : [],
    );
    for (const node of nodes) {
      if (node.selectionSet) this.collect(next, objects, getNamedType(definition.type), node.selectionSet, info);
    }
  }

  /** Adds the level for `objects` of `type` (each concrete type of an interface or union apart). */
  private collect(
    levels: Level[],
    objects: Parent[],
    type: ReturnType<typeof getNamedType>,
    selectionSet: SelectionSetNode,
    info: GraphQLResolveInfo,
  ): void {
    if (objects.length === 0) return;
    if (isObjectType(type)) {
      levels.push({ parents: objects, type, selectionSet });
    } else if (isAbstractType(type)) {
      for (const concrete of info.schema.getPossibleTypes(type)) {
        const ofType = objects.filter((object) => object.__typename === concrete.name);
        if (ofType.length) levels.push({ parents: ofType, type: concrete, selectionSet });
      }
    }
  }

  /** The fields a selection asks of `type`, by response key, fragments merged, @skip and @include obeyed. */
  private fieldsOf(
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    info: GraphQLResolveInfo,
  ): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const included = (node: Parameters<typeof getDirectiveValues>[1]) =>
      getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
    const applies = (condition: string | undefined) =>
      !condition || condition === type.name || type.getInterfaces().some((face) => face.name === condition) || false;
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const selection of set.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          const fragment = info.fragments[selection.name.value];
          if (fragment && applies(fragment.typeCondition.name.value)) {
            visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
          }
        }
      }
    };
    visit(selectionSet, new Set());
    return fields;
  }
}

/** The objects a resolved value holds: itself, or the items of a list; never nulls, scalars or promises. */
function objectsIn(value: unknown): Parent[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value === null || typeof value !== 'object' || typeof (value as Partial<Promise<unknown>>).then === 'function') {
    return [];
  }
  return [value as Parent];
}
