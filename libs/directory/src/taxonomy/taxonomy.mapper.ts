import { toGlobalId } from '@cohesion/common';
import type { TaxonomyEntity, TaxonomyTermEntity } from './taxonomy.entity.js';
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
