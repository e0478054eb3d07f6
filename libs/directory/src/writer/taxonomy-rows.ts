import type { EntityManager } from 'typeorm';
import { returningRows, type AuditService, type Viewer } from '@cohesion/common';
import { freeCode } from './sourced-rows.js';

/** The taxonomies a publisher's id names: with that id, imported from it, or matched to it by name. */
const TAXONOMY_BY_PUBLISHER_ID = `coalesce(id = $1 OR source_id = $1
  OR id IN (SELECT taxonomy_id FROM taxonomy_sources WHERE source_id = $1), false)`;

/**
 * The terms a publisher's id names: the term with that id, the one imported from it, or
 * the one an import matched it to (by code or name).
 */
const TERM_BY_PUBLISHER_ID = `(id = $1 OR source_id = $1
  OR id IN (SELECT term_id FROM taxonomy_term_sources WHERE source_id = $1))`;

/** What a source says of a term, as the writer compares and audits it. */
export interface SourcedTermState {
  name: string;
  description: string | null;
  termUri: string | null;
  parentId: string | null;
  parentSourceId: string | null;
}

/** A term found by a publisher's id. */
export interface TermRow extends SourcedTermState {
  id: string;
  sourceId: string | null;
  taxonomyId: string;
}

/** A new term from a source: its id is the source id. */
export interface SourcedTerm {
  sourceId: string;
  taxonomyId: string;
  parentId: string | null;
  parentSourceId: string | null;
  /** The code it should have; the first free one from it is taken. */
  codeBase: string;
  name: string;
  description: string | null;
  termUri: string | null;
}

/** What a source says of a taxonomy, as the writer compares and audits it. */
export interface SourcedTaxonomyState {
  name: string;
  description: string | null;
  uri: string | null;
  version: string | null;
}

export interface SourcedTaxonomy extends SourcedTaxonomyState {
  sourceId: string | null;
}

export interface TaxonomyRow extends SourcedTaxonomyState {
  id: string;
  sourceId: string | null;
  sourceFeed: string | null;
}

/** A term of the demo dataset: its parent named by code. */
export interface SeededTerm {
  code: string;
  parent?: string;
  name: string;
  description: string;
}

/**
 * Writes the taxonomies and terms other systems give the directory, found again by the
 * publisher's id (their own, or the one an import matched by code or name).
 */
export class TaxonomyRows {
  constructor(private readonly audit: AuditService) {}

  /** The terms a publisher's id names; locked. */
  async termsByPublisherId(manager: EntityManager, publisherId: string): Promise<TermRow[]> {
    return manager.query(
      `SELECT id, source_id AS "sourceId", taxonomy_id AS "taxonomyId", name, description, term_uri AS "termUri",
              parent_id AS "parentId", parent_source_id AS "parentSourceId"
         FROM taxonomy_terms WHERE ${TERM_BY_PUBLISHER_ID} FOR UPDATE`,
      [publisherId],
    );
  }

  /** Which of these terms are still at the top of their taxonomy. */
  async stillAtTop(manager: EntityManager, termIds: string[]): Promise<Set<string>> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM taxonomy_terms WHERE id = ANY($1::uuid[]) AND parent_id IS NULL',
      [termIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The term a publisher's id names as a parent, its own import first. */
  async parentByPublisherId(
    manager: EntityManager,
    publisherId: string,
  ): Promise<{ id: string; taxonomyId: string; pathIds: string[] } | undefined> {
    const [parent] = await manager.query<{ id: string; taxonomyId: string; pathIds: string[] }[]>(
      `SELECT id, taxonomy_id AS "taxonomyId", path_ids AS "pathIds" FROM taxonomy_terms
        WHERE ${TERM_BY_PUBLISHER_ID} ORDER BY (source_id = $1) DESC NULLS LAST LIMIT 1`,
      [publisherId],
    );
    return parent;
  }

  /** The term of a taxonomy with this code (as given, or as a machine name) or name. */
  async termByCodeOrName(
    manager: EntityManager,
    taxonomyId: string,
    code: string | null,
    slug: string | null,
    name: string,
  ): Promise<{ id: string; name: string } | undefined> {
    const [same] = await manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM taxonomy_terms
        WHERE taxonomy_id = $1 AND (code = $2 OR code = $3 OR lower(name) = lower($4))
        ORDER BY (code = $2) DESC, (code = $3) DESC LIMIT 1`,
      [taxonomyId, code ?? '', slug ?? '', name],
    );
    return same;
  }

  async createTerm(manager: EntityManager, actor: Viewer | null, source: string, term: SourcedTerm): Promise<void> {
    await manager.query(
      `INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, parent_source_id, code, name, description, term_uri,
                                   source_feed, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $1)`,
      [
        term.sourceId,
        term.taxonomyId,
        term.parentId,
        term.parentSourceId,
        await freeCode(manager, 'taxonomy_terms', term.codeBase, term.taxonomyId),
        term.name,
        term.description,
        term.termUri,
        source,
      ],
    );
    await this.audit.record(manager, actor, {
      entityType: 'TaxonomyTerm',
      entityId: term.sourceId,
      action: 'import',
      before: null,
      after: {
        taxonomyId: term.taxonomyId,
        parentId: term.parentId,
        name: term.name,
        description: term.description,
        termUri: term.termUri,
      },
    });
  }

  async updateTerm(
    manager: EntityManager,
    actor: Viewer | null,
    id: string,
    source: string,
    before: SourcedTermState,
    next: SourcedTermState,
  ): Promise<void> {
    await manager.query(
      `UPDATE taxonomy_terms SET name = $2, description = $3, term_uri = $4, parent_id = $5, parent_source_id = $6,
              source_feed = $7, updated_at = now()
        WHERE id = $1`,
      [id, next.name, next.description, next.termUri, next.parentId, next.parentSourceId, source],
    );
    await this.audit.record(manager, actor, {
      entityType: 'TaxonomyTerm',
      entityId: id,
      action: 'import',
      before,
      after: next,
    });
  }

  /** The publisher's id now names this term, for the terms that give it as their parent. */
  async rememberTermId(manager: EntityManager, publisherId: string, termId: string, source: string): Promise<void> {
    await manager.query(
      `INSERT INTO taxonomy_term_sources (source_id, term_id, source_feed) VALUES ($1, $2, $3)
       ON CONFLICT (source_id) DO UPDATE SET term_id = excluded.term_id, source_feed = excluded.source_feed`,
      [publisherId, termId, source],
    );
  }

  /**
   * Places under `termId` the imported terms of its taxonomy that name it (by the
   * publisher's id) as their parent and were put at the top while it was not known yet,
   * so a feed may give a term before its parent.
   */
  async placeChildren(
    manager: EntityManager,
    actor: Viewer | null,
    publisherId: string,
    termId: string,
  ): Promise<void> {
    const placed = await returningRows<{ id: string }>(
      manager,
      `UPDATE taxonomy_terms c SET parent_id = p.id, updated_at = now()
         FROM taxonomy_terms p
        WHERE p.id = $2 AND c.parent_source_id = $1 AND c.parent_id IS NULL AND c.source_id IS NOT NULL
          AND c.taxonomy_id = p.taxonomy_id AND c.id <> p.id AND NOT (p.path_ids @> ARRAY[c.id])
      RETURNING c.id`,
      [publisherId, termId],
    );
    for (const child of placed) {
      await this.audit.record(manager, actor, {
        entityType: 'TaxonomyTerm',
        entityId: child.id,
        action: 'import',
        before: { parentId: null },
        after: { parentId: termId },
      });
    }
  }

  /** The taxonomy a publisher's id names, else the one of this name or code; `byId` when by the id. */
  async taxonomyFor(
    manager: EntityManager,
    publisherId: string | null,
    name: string,
    code: string,
  ): Promise<{ id: string; byId: boolean } | undefined> {
    const [found] = await manager.query<{ id: string; byId: boolean }[]>(
      `SELECT id, ${TAXONOMY_BY_PUBLISHER_ID} AS "byId" FROM taxonomies
        WHERE ${TAXONOMY_BY_PUBLISHER_ID} OR lower(name) = lower($2) OR code = $3
        ORDER BY 2 DESC LIMIT 1`,
      [publisherId, name, code],
    );
    return found;
  }

  /** The taxonomy a taxonomy record is, to bring up to date: its own import first; locked. */
  async taxonomyToUpdate(
    manager: EntityManager,
    publisherId: string,
    name: string,
    code: string,
  ): Promise<TaxonomyRow | undefined> {
    const [found] = await manager.query<TaxonomyRow[]>(
      `SELECT id, source_id AS "sourceId", source_feed AS "sourceFeed", name, description, uri, version FROM taxonomies
        WHERE ${TAXONOMY_BY_PUBLISHER_ID} OR lower(name) = lower($2) OR code = $3
        ORDER BY (source_id = $1) DESC NULLS LAST, ${TAXONOMY_BY_PUBLISHER_ID} DESC LIMIT 1 FOR UPDATE`,
      [publisherId, name, code],
    );
    return found;
  }

  /** A new taxonomy from a source (its id the source id when it has one), with its audit row. */
  async createTaxonomy(
    manager: EntityManager,
    actor: Viewer | null,
    source: string,
    taxonomy: SourcedTaxonomy,
    codeBase: string,
  ): Promise<string> {
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO taxonomies (id, code, name, description, uri, version, source_feed, source_id)
       VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $1) RETURNING id`,
      [
        taxonomy.sourceId,
        await freeCode(manager, 'taxonomies', codeBase),
        taxonomy.name,
        taxonomy.description,
        taxonomy.uri,
        taxonomy.version,
        source,
      ],
    );
    await this.audit.record(manager, actor, {
      entityType: 'Taxonomy',
      entityId: created.id,
      action: 'import',
      before: null,
      after: { ...taxonomy },
    });
    return created.id;
  }

  async updateTaxonomy(
    manager: EntityManager,
    actor: Viewer | null,
    key: { source: string; sourceId: string },
    id: string,
    before: SourcedTaxonomyState,
    next: SourcedTaxonomyState,
  ): Promise<void> {
    await manager.query(
      `UPDATE taxonomies SET name = $2, description = $3, uri = $4, version = $5, source_feed = $6,
              source_id = coalesce(source_id, $7)
        WHERE id = $1`,
      [id, next.name, next.description, next.uri, next.version, key.source, key.sourceId],
    );
    await this.audit.record(manager, actor, {
      entityType: 'Taxonomy',
      entityId: id,
      action: 'import',
      before,
      after: next,
    });
  }

  /** Records that the publisher's id names a taxonomy matched by name, for the terms that give only that id. */
  async rememberTaxonomyId(
    manager: EntityManager,
    publisherId: string,
    taxonomyId: string,
    source: string,
  ): Promise<void> {
    if (publisherId === taxonomyId) return;
    await manager.query(
      `INSERT INTO taxonomy_sources (source_id, taxonomy_id, source_feed) VALUES ($1, $2, $3)
       ON CONFLICT (source_id) DO UPDATE SET taxonomy_id = excluded.taxonomy_id, source_feed = excluded.source_feed`,
      [publisherId, taxonomyId, source],
    );
  }

  /**
   * The demo dataset's terms of a vocabulary (given parents first), the ones it already
   * has kept as they are; every term id of the vocabulary by code.
   */
  async seedTerms(manager: EntityManager, taxonomyCode: string, terms: SeededTerm[]): Promise<Map<string, string>> {
    const [{ id: taxonomyId }] = await manager.query<{ id: string }[]>('SELECT id FROM taxonomies WHERE code = $1', [
      taxonomyCode,
    ]);
    for (const term of terms) {
      await manager.query(
        `INSERT INTO taxonomy_terms (taxonomy_id, parent_id, code, name, description)
         VALUES ($1, (SELECT id FROM taxonomy_terms WHERE taxonomy_id = $1 AND code = $2), $3, $4, $5)
         ON CONFLICT (taxonomy_id, code) DO NOTHING`,
        [taxonomyId, term.parent ?? null, term.code, term.name, term.description],
      );
    }
    const rows = await manager.query<{ id: string; code: string }[]>(
      'SELECT id, code FROM taxonomy_terms WHERE taxonomy_id = $1',
      [taxonomyId],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }
}
