import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  conflict,
  isUniqueViolation,
  notFound,
  type ConnectionShape,
  type Viewer,
} from '@cohesion/common';
import { AreaEntity } from './area.entity.js';
import { areaRowToEntity, toArea } from './area.mapper.js';
import { areaPage, knownAreaIds } from './area.queries.js';
import type { Area } from './area.model.js';
import { assertAreaCode, assertParentKind } from './area.rules.js';
import type { AreasFilter, CreateAreaInput, UpdateAreaInput } from './dto/area.inputs.js';
import { assertNotBelow, childrenOf, parentAfter } from '../shared/tree.js';

@Injectable()
export class AreasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(filter: AreasFilter | undefined, page: { first: number; after?: string }): Promise<ConnectionShape<Area>> {
    return areaPage(this.dataSource, filter, page, (row) => toArea(areaRowToEntity(row)));
  }

  async byIds(ids: readonly string[]): Promise<AreaEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(AreaEntity)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  childrenOf(parentIds: readonly string[]): Promise<AreaEntity[]> {
    return childrenOf(this.dataSource, AreaEntity, 'a', parentIds);
  }

  /** Fails with BAD_USER_INPUT naming `field` unless every id is a known area. */
  async assertExist(manager: EntityManager, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const known = await knownAreaIds(manager, ids);
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) throw badInput(`${field}[${missing}]`, 'is not a known area');
  }

  async create(viewer: Viewer, input: CreateAreaInput): Promise<Area> {
    return this.dataSource.transaction(async (manager) => {
      const parent = input.parentId ? await this.parentOf(manager, input.parentId) : null;
      assertParentKind(input.kind, parent?.kind ?? null, 'input.parentId');
      assertAreaCode(input.kind, input.code, 'input.code');
      const entity = manager.create(AreaEntity, {
        name: input.name,
        kind: input.kind,
        code: input.code || null,
        parentId: parent?.id ?? null,
      });
      await this.save(manager, () => manager.insert(AreaEntity, entity));
      const saved = await manager.findOneByOrFail(AreaEntity, { id: entity.id });
      await this.audit.record(manager, viewer, {
        entityType: 'Area',
        entityId: saved.id,
        action: 'create',
        before: null,
        after: snapshot(saved),
      });
      return toArea(saved);
    });
  }

  async update(viewer: Viewer, input: UpdateAreaInput): Promise<Area> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(AreaEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('That area');
      const parentId = parentAfter(current, input.parentId);
      const parent = parentId ? await this.parentOf(manager, parentId) : null;
      if (parent) assertNotBelow(current, parent, 'area');
      assertParentKind(current.kind, parent?.kind ?? null, 'input.parentId');
      const code = input.code === undefined ? current.code : input.code || null;
      assertAreaCode(current.kind, code, 'input.code');
      const changes = { name: input.name ?? current.name, code, parentId: parent?.id ?? null };
      await this.save(manager, () => manager.update(AreaEntity, { id: current.id }, changes));
      const saved = await manager.findOneByOrFail(AreaEntity, { id: current.id });
      await this.audit.record(manager, viewer, {
        entityType: 'Area',
        entityId: saved.id,
        action: 'update',
        before: snapshot(current),
        after: snapshot(saved),
      });
      return toArea(saved);
    });
  }

  private async parentOf(manager: EntityManager, id: string): Promise<AreaEntity> {
    const parent = await manager.findOneBy(AreaEntity, { id });
    if (!parent) throw badInput('input.parentId', 'is not a known area');
    return parent;
  }

  private async save(manager: EntityManager, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error, 'uq_areas_code')) throw conflict('Another area already has that code');
      throw error;
    }
  }
}

function snapshot(area: AreaEntity): object {
  return { name: area.name, kind: area.kind, code: area.code, parentId: area.parentId };
}
