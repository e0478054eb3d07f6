import type { DirectoryWriter } from '@cohesion/directory';
import type { ImportOutcome } from '../oruk-import.report.js';
import { slugOf, type TaxonomyFromOruk, type TermFromOruk } from '../oruk-records.js';
import { stableJson, type WriteContext } from './write-context.js';

/** The taxonomies and terms of an import: matched to the directory's own, created or brought up to date. */
export class TaxonomyImport {
  constructor(private readonly directory: DirectoryWriter) {}

  /**
   * The directory's term for an ORUK taxonomy_term: the term with its id (or imported
   * from it), else the term of the same code or name in the same taxonomy, else a new
   * term (and taxonomy) marked with its source. An imported term is brought up to date;
   * one of this directory's own vocabularies is only linked. Null (with a warning) when
   * it cannot be placed. `standalone` reports a term that is its own record.
   */
  async term(w: WriteContext, term: TermFromOruk, standalone: boolean): Promise<string | null> {
    const { manager } = w;
    const taxonomy = this.directory.taxonomy;
    const found = await taxonomy.termsByPublisherId(manager, term.sourceId);
    const note = (outcome: ImportOutcome, message?: string) =>
      w.notes.push({
        type: 'taxonomy_term',
        id: term.sourceId,
        outcome,
        issue: message
          ? { recordType: 'taxonomy_term', sourceId: term.sourceId, name: term.name, at: w.at, messages: [message] }
          : undefined,
      });
    const imported = found.find((row) => row.sourceId === term.sourceId);
    if (imported) {
      const parentId = await this.parentTerm(w, term, imported.taxonomyId, imported.id);
      const next = {
        name: term.name,
        description: term.description,
        termUri: term.termUri,
        parentId,
        parentSourceId: term.parentSourceId,
      };
      const before = {
        name: imported.name,
        description: imported.description,
        termUri: imported.termUri,
        parentId: imported.parentId,
        parentSourceId: imported.parentSourceId,
      };
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, imported.id);
      if (stableJson(next) === stableJson(before)) {
        note('unchanged');
        return imported.id;
      }
      await taxonomy.updateTerm(manager, w.actor, imported.id, w.source, before, next);
      note('updated');
      return imported.id;
    }
    if (found[0]) {
      if (standalone) {
        note(
          'skipped',
          found[0].id === term.sourceId
            ? `id: ${found[0].name} is a term of this directory with this id; it is left as it is`
            : `term: ${found[0].name} is already a term of its taxonomy here; it is left as it is`,
        );
      }
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, found[0].id);
      return found[0].id;
    }
    const taxonomyId = await this.taxonomyFor(w, term);
    if (!taxonomyId) return null;
    const code = term.code ? slugOf(term.code) : null;
    const same = await taxonomy.termByCodeOrName(manager, taxonomyId, term.code, code, term.name);
    if (same) {
      if (standalone) note('skipped', `term: ${same.name} is already a term of its taxonomy here; it is left as it is`);
      // The publisher's id now names this term, for the terms that give it as their parent.
      await taxonomy.rememberTermId(manager, term.sourceId, same.id, w.source);
      await taxonomy.placeChildren(manager, w.actor, term.sourceId, same.id);
      return same.id;
    }
    const parentId = await this.parentTerm(w, term, taxonomyId, null);
    await taxonomy.createTerm(manager, w.actor, w.source, {
      sourceId: term.sourceId,
      taxonomyId,
      parentId,
      parentSourceId: term.parentSourceId,
      codeBase: code || slugOf(term.name) || 'term',
      name: term.name,
      description: term.description,
      termUri: term.termUri,
    });
    await taxonomy.placeChildren(manager, w.actor, term.sourceId, term.sourceId);
    note('created');
    return term.sourceId;
  }

  /**
   * A term's parent among the terms of its taxonomy, or null: with a warning when it
   * cannot be there, noted as unplaced when it is not known yet (it may come later in
   * the import).
   */
  private async parentTerm(
    w: WriteContext,
    term: TermFromOruk,
    taxonomyId: string,
    selfId: string | null,
  ): Promise<string | null> {
    if (!term.parentSourceId) return null;
    const field = `${term.field ? `${term.field}.` : ''}parent_id`;
    const parent = await this.directory.taxonomy.parentByPublisherId(w.manager, term.parentSourceId);
    if (!parent) {
      w.unplaced.push({ field, termId: selfId ?? term.sourceId });
      return null;
    }
    const problem =
      parent.taxonomyId !== taxonomyId
        ? 'names a term of another taxonomy; placed at the top of its taxonomy'
        : selfId && (parent.id === selfId || parent.pathIds.includes(selfId))
          ? 'would place the term under itself; placed at the top of its taxonomy'
          : null;
    if (problem) {
      w.warnings.push({ field, message: problem });
      return null;
    }
    return parent.id;
  }

  /** The taxonomy a new term goes in: by the publisher's id or by name, or a new one. */
  private async taxonomyFor(w: WriteContext, term: TermFromOruk): Promise<string | null> {
    const { sourceId, name } = term.taxonomy;
    const found = await this.directory.taxonomy.taxonomyFor(w.manager, sourceId, name ?? '', name ? slugOf(name) : '');
    if (found) {
      if (sourceId && !found.byId)
        await this.directory.taxonomy.rememberTaxonomyId(w.manager, sourceId, found.id, w.source);
      return found.id;
    }
    if (!name) {
      w.warnings.push({
        field: `${term.field ? `${term.field}.` : ''}taxonomy_id`,
        message: 'names a taxonomy this directory does not know, and the term gives no taxonomy name; not linked',
      });
      return null;
    }
    return this.createTaxonomy(w, { sourceId, name, description: null, uri: null, version: null });
  }

  private async createTaxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk): Promise<string> {
    const id = await this.directory.taxonomy.createTaxonomy(
      w.manager,
      w.actor,
      w.source,
      taxonomy,
      slugOf(taxonomy.name) || 'taxonomy',
    );
    w.notes.push({ type: 'taxonomy', id: taxonomy.sourceId ?? id, outcome: 'created' });
    return id;
  }

  /** A taxonomy that is its own record (taxonomy.json): created, brought up to date, or left alone when it is one of ours. */
  async taxonomy(w: WriteContext, taxonomy: TaxonomyFromOruk): Promise<void> {
    const { manager } = w;
    const id = taxonomy.sourceId as string;
    const found = await this.directory.taxonomy.taxonomyToUpdate(manager, id, taxonomy.name, slugOf(taxonomy.name));
    if (!found) {
      await this.createTaxonomy(w, taxonomy);
      return;
    }
    // One an earlier import made from a term's taxonomy name (no id then) is this one.
    const imported = found.sourceId === id || (found.sourceId === null && found.sourceFeed !== null);
    if (!imported) {
      await this.directory.taxonomy.rememberTaxonomyId(manager, id, found.id, w.source);
      w.notes.push({
        type: 'taxonomy',
        id,
        outcome: 'skipped',
        issue: {
          recordType: 'taxonomy',
          sourceId: id,
          name: taxonomy.name,
          at: w.at,
          messages: [`name: ${found.name} is already a taxonomy of this directory; it is left as it is`],
        },
      });
      return;
    }
    const before = { name: found.name, description: found.description, uri: found.uri, version: found.version };
    const next = {
      name: taxonomy.name,
      description: taxonomy.description,
      uri: taxonomy.uri,
      version: taxonomy.version,
    };
    if (found.sourceId === id && stableJson(before) === stableJson(next)) {
      w.notes.push({ type: 'taxonomy', id, outcome: 'unchanged' });
      return;
    }
    await this.directory.taxonomy.updateTaxonomy(
      manager,
      w.actor,
      { source: w.source, sourceId: id },
      found.id,
      before,
      next,
    );
    w.notes.push({ type: 'taxonomy', id, outcome: 'updated' });
  }
}
