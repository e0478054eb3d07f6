import { badInput } from '@cohesion/common';
import { existingDirectoryIds, type DirectoryRecordKind } from '@cohesion/directory';
import type { EntityManager } from 'typeorm';

/** Links a record to areas or terms, naming the input field when one does not exist. */
export async function linkAll(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  column: string,
  ownerId: string,
  ids: string[] | undefined | null,
  field: string,
  target: DirectoryRecordKind,
): Promise<void> {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const found = await existingDirectoryIds(manager, target, unique);
  if (found.length !== unique.length)
    throw badInput(field, `names ${target === 'area' ? 'an area' : 'a theme'} that does not exist`);
  await manager.query(`INSERT INTO ${table} (${ownerColumn}, ${column}) SELECT $1, unnest($2::uuid[])`, [
    ownerId,
    unique,
  ]);
}
