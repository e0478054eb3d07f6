import { toGlobalId } from '@cohesion/common';
import { Area, type AreaKind } from './area.model.js';
import type { AreaEntity } from './area.entity.js';

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
