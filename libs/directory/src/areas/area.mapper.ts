import { toGlobalId } from '@cohesion/common';
import { Area, type AreaKind } from './area.model.js';
import { AreaEntity } from './area.entity.js';
import type { AreaRow } from './area.queries.js';

export const AREA_TYPE = 'Area';

export function toArea(entity: AreaEntity): Area {
  return Object.assign(new Area(), {
    id: toGlobalId(AREA_TYPE, entity.id),
    areaId: entity.id,
    name: entity.name,
    kind: entity.kind as AreaKind,
    code: entity.code,
    parentId: entity.parentId,
    pathIds: entity.pathIds,
  });
}

export function areaRowToEntity(row: AreaRow): AreaEntity {
  return Object.assign(new AreaEntity(), {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    pathIds: row.path_ids,
  });
}
