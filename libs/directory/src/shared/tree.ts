import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput, BATCH_OPTIONS, groupedInKeyOrder } from '@cohesion/common';

/**
 * The directory's two trees, areas and taxonomy terms, kept the same way: each node names
 * its parent, and `path_ids` (kept by triggers) lists the node and everything above it.
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
  pathIds: string[];
}

/** The children of each of the given nodes, by name (`alias` is the table's alias in the statement). */
export function childrenOf<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  parentIds: readonly string[],
): Promise<T[]> {
  return dataSource
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(`${alias}.parent_id = ANY(:ids)`, { ids: parentIds })
    .orderBy(`${alias}.name`)
    .getMany();
}

/** A loader of each node's children, in the order of the parents asked for. */
export function childrenLoader<T extends Pick<TreeNode, 'parentId'>>(
  children: (parentIds: readonly string[]) => Promise<T[]>,
): DataLoader<string, T[]> {
  return new DataLoader(
    async (parentIds) => groupedInKeyOrder(parentIds, await children(parentIds), (node) => node.parentId as string),
    BATCH_OPTIONS,
  );
}

/** The parent a node has after a change: the one asked for, the current one when the change leaves it out. */
export function parentAfter(current: Pick<TreeNode, 'parentId'>, requested: string | null | undefined): string | null {
  return requested === undefined ? current.parentId : requested;
}

/** Refuses a new parent that is the node itself or lies below it: the tree would become a loop. */
export function assertNotBelow(
  node: Pick<TreeNode, 'id'>,
  parent: Pick<TreeNode, 'pathIds'>,
  what: string,
  field = 'input.parentId',
): void {
  if (parent.pathIds.includes(node.id)) {
    throw badInput(field, `cannot be the ${what} itself or one of its descendants`);
  }
}
