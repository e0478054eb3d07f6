import DataLoader from 'dataloader';
import type { Viewer } from '../viewer.js';

/**
 * Something that can build a DataLoader for one request. Factories are ordinary
 * singleton providers; the loaders they build live only as long as the request.
 */
export interface LoaderFactory<K, V> {
  create(viewer: Viewer): DataLoader<K, V>;
}

/**
 * The per-request set of DataLoaders, created in the GraphQL context factory. A
 * loader is built the first time a field asks for it and shared by every field of
 * the request after that, so one relation level costs one query.
 */
export class LoaderCache {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly viewerOf: () => Viewer) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory.create(this.viewerOf());
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Returns batch results in key order, as DataLoader requires: `rows` may come back
 * in any order and without the keys that matched nothing.
 */
export function inKeyOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups rows under their parent keys, in key order, with an empty list for parents without rows. */
export function groupedInKeyOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const key of keys) groups.set(key, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) as V[]);
}

/** Options every batch loader shares: bounded batches so one `= ANY($1)` never carries an unbounded array. */
export const BATCH_OPTIONS = { maxBatchSize: 1000 } as const;

/** A loader of lists by parent id, from one batched fetch that returns them by parent (a parent left out has none). */
export function listLoader<V>(fetch: (ids: readonly string[]) => Promise<Map<string, V[]>>): DataLoader<string, V[]> {
  return new DataLoader(async (ids) => {
    const byParent = await fetch(ids);
    return ids.map((id) => byParent.get(id) ?? []);
  }, BATCH_OPTIONS);
}

/** The values of a loadMany, without the keys that matched nothing; a failed batch is rethrown. */
export function presentValues<V>(results: (V | null | Error)[]): V[] {
  const values: V[] = [];
  for (const result of results) {
    if (result instanceof Error) throw result;
    if (result !== null && result !== undefined) values.push(result);
  }
  return values;
}

/** Loader key of a nested page: which parent, how many items. */
export function pageKey(parentId: string, first: number): string {
  return `${parentId}:${first}`;
}

/**
 * Runs a per-parent page query once for each page size among `parentId:first` keys and
 * returns the results in key order.
 */
export async function batchByPageSize<T>(
  keys: readonly string[],
  fetch: (parentIds: string[], first: number) => Promise<T[]>,
): Promise<T[]> {
  const bySize = new Map<number, string[]>();
  for (const key of keys) {
    const [parentId, first] = key.split(':');
    const size = Number(first);
    if (!bySize.has(size)) bySize.set(size, []);
    bySize.get(size)?.push(parentId);
  }
  const results = new Map<string, T>();
  for (const [size, parentIds] of bySize) {
    const unique = [...new Set(parentIds)];
    const pages = await fetch(unique, size);
    unique.forEach((parentId, index) => results.set(pageKey(parentId, size), pages[index]));
  }
  return keys.map((key) => results.get(key) as T);
}
