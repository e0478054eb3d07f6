import { toGlobalId } from '@cohesion/common';
import { TaxonomyTermEntity, type TaxonomyEntity } from './taxonomy.entity.js';
import type { TermRow } from './taxonomy.queries.js';
import { Taxonomy, TAXONOMY_TERM_TYPE, TAXONOMY_TYPE, TaxonomyTerm } from './taxonomy.model.js';

export function toTaxonomy(entity: TaxonomyEntity): Taxonomy {
  return Object.assign(new Taxonomy(), {
    id: toGlobalId(TAXONOMY_TYPE, entity.id),
    taxonomyId: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
  });
}

export function toTaxonomyTerm(entity: TaxonomyTermEntity): TaxonomyTerm {
  return Object.assign(new TaxonomyTerm(), {
    id: toGlobalId(TAXONOMY_TERM_TYPE, entity.id),
    termId: entity.id,
    taxonomyId: entity.taxonomyId,
    parentId: entity.parentId,
    pathIds: entity.pathIds,
    code: entity.code,
    name: entity.name,
    description: entity.description,
  });
}

export function termRowToEntity(row: TermRow): TaxonomyTermEntity {
  return Object.assign(new TaxonomyTermEntity(), {
    id: row.id,
    taxonomyId: row.taxonomy_id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    description: row.description,
    termUri: row.term_uri,
    pathIds: row.path_ids,
  });
}
