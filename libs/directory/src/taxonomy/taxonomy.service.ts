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
import type { CreateTaxonomyTermInput, TaxonomyTermsFilter, UpdateTaxonomyTermInput } from './dto/taxonomy.inputs.js';
import { TaxonomyEntity, TaxonomyTermEntity } from './taxonomy.entity.js';
import { type TaxonomyTerm } from './taxonomy.model.js';
import { termRowToEntity, toTaxonomyTerm } from './taxonomy.mapper.js';
import { termPage, termsByCode, termTaxonomies, type TermByCodeRow } from './taxonomy.queries.js';
import { assertNotBelow, childrenOf, parentAfter } from '../shared/tree.js';

@Injectable()
export class TaxonomyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  taxonomies(): Promise<TaxonomyEntity[]> {
    return this.dataSource.getRepository(TaxonomyEntity).find({ order: { name: 'ASC' } });
  }

  taxonomiesByIds(ids: readonly string[]): Promise<TaxonomyEntity[]> {
    return this.dataSource
      .getRepository(TaxonomyEntity)
      .createQueryBuilder('t')
      .where('t.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The terms named by vocabulary code and term code (360Giving classifications), in one query. */
  termsByCode(wanted: { vocabulary: string; code: string }[]): Promise<TermByCodeRow[]> {
    if (wanted.length === 0) return Promise.resolve([]);
    return termsByCode(this.dataSource, wanted);
  }

  async listTerms(
    filter: TaxonomyTermsFilter | undefined,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<TaxonomyTerm>> {
    return termPage(this.dataSource, filter, page, (row) => toTaxonomyTerm(termRowToEntity(row)));
  }

  termsByIds(ids: readonly string[]): Promise<TaxonomyTermEntity[]> {
    return this.dataSource
      .getRepository(TaxonomyTermEntity)
      .createQueryBuilder('t')
      .where('t.id = ANY(:ids)', { ids })
      .getMany();
  }

  childrenOf(parentIds: readonly string[]): Promise<TaxonomyTermEntity[]> {
    return childrenOf(this.dataSource, TaxonomyTermEntity, 't', parentIds);
  }

  /**
   * Fails with BAD_USER_INPUT naming `field` unless every id is a term (of the named
   * taxonomy, when one is given).
   */
  async assertTerms(manager: EntityManager, ids: string[], field: string, taxonomyCode?: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await termTaxonomies(manager, ids);
    const byId = new Map(found.map((row) => [row.id, row.taxonomy]));
    ids.forEach((id, index) => {
      const taxonomy = byId.get(id);
      if (!taxonomy) throw badInput(`${field}[${index}]`, 'is not a known taxonomy term');
      if (taxonomyCode && taxonomy !== taxonomyCode) {
        throw badInput(`${field}[${index}]`, `must be a term of the ${taxonomyCode} taxonomy`);
      }
    });
  }

  async createTerm(viewer: Viewer, input: CreateTaxonomyTermInput): Promise<TaxonomyTerm> {
    return this.dataSource.transaction(async (manager) => {
      const taxonomy = await manager.findOneBy(TaxonomyEntity, { code: input.taxonomy });
      if (!taxonomy) throw badInput('input.taxonomy', 'is not a known taxonomy');
      const parent = input.parentId ? await manager.findOneBy(TaxonomyTermEntity, { id: input.parentId }) : null;
      if (input.parentId && (!parent || parent.taxonomyId !== taxonomy.id)) {
        throw badInput('input.parentId', 'must be a term of the same taxonomy');
      }
      const entity = manager.create(TaxonomyTermEntity, {
        taxonomyId: taxonomy.id,
        parentId: parent?.id ?? null,
        code: input.code,
        name: input.name,
        description: input.description ?? null,
      });
      await this.save(() => manager.insert(TaxonomyTermEntity, entity));
      const saved = await manager.findOneByOrFail(TaxonomyTermEntity, { id: entity.id });
      await this.audit.record(manager, viewer, {
        entityType: 'TaxonomyTerm',
        entityId: saved.id,
        action: 'create',
        before: null,
        after: snapshot(saved),
      });
      return toTaxonomyTerm(saved);
    });
  }

  async updateTerm(viewer: Viewer, input: UpdateTaxonomyTermInput): Promise<TaxonomyTerm> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(TaxonomyTermEntity, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('That taxonomy term');
      const parentId = parentAfter(current, input.parentId);
      if (parentId) {
        const parent = await manager.findOneBy(TaxonomyTermEntity, { id: parentId });
        if (!parent || parent.taxonomyId !== current.taxonomyId) {
          throw badInput('input.parentId', 'must be a term of the same taxonomy');
        }
        assertNotBelow(current, parent, 'term');
      }
      await manager.update(
        TaxonomyTermEntity,
        { id: current.id },
        {
          name: input.name ?? current.name,
          description: input.description === undefined ? current.description : input.description,
          parentId,
        },
      );
      const saved = await manager.findOneByOrFail(TaxonomyTermEntity, { id: current.id });
      await this.audit.record(manager, viewer, {
        entityType: 'TaxonomyTerm',
        entityId: saved.id,
        action: 'update',
        before: snapshot(current),
        after: snapshot(saved),
      });
      return toTaxonomyTerm(saved);
    });
  }

  private async save(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('That taxonomy already has a term with this code');
      throw error;
    }
  }
}

function snapshot(term: TaxonomyTermEntity): object {
  return { code: term.code, name: term.name, description: term.description, parentId: term.parentId };
}
