import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/**
 * Replaces the set of ids an owner links to through a join table (an organisation's
 * areas, a service's taxonomy terms): removes the old links and inserts each new id
 * once. `ids` undefined leaves the links as they are.
 */
export async function replaceLinks<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  owner: FindOptionsWhere<E> & QueryDeepPartialEntity<E>,
  linkColumn: keyof E & string,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (!ids) return;
  await manager.delete(entity, owner);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await manager.insert(
    entity,
    unique.map((id) => ({ ...owner, [linkColumn]: id }) as QueryDeepPartialEntity<E>),
  );
}
