import { Injectable } from '@nestjs/common';
import { AreasService, COHESION_THEMES, SERVICE_TYPES, TaxonomyService } from '@cohesion/directory';

/** An option of a select: the value is the record's global id, as the API takes it. */
export interface Choice {
  value: string;
  text: string;
}

/** Pages of reference data read at most (100 each): the West Midlands' areas fit many times over. */
const MAX_PAGES = 20;

interface TreeItem {
  id: string;
  name: string;
  internalId: string;
  parentId: string | null;
}

/** Parents before their children, siblings by name; each with its depth. */
function treeOrder<T extends TreeItem>(items: T[]): { item: T; depth: number }[] {
  const children = new Map<string | null, T[]>();
  const known = new Set(items.map((item) => item.internalId));
  for (const item of items) {
    const parent = item.parentId && known.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const ordered: { item: T; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const item of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
      ordered.push({ item, depth });
      visit(item.internalId, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/**
 * The choices of the directory's filters, read through the directory's own services:
 * every area (a place includes everything inside it), the cohesion themes and the
 * service types. Reference data is public (`seeAreas`, `seeTaxonomies`).
 */
@Injectable()
export class DirectoryChoices {
  constructor(
    private readonly areas: AreasService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** "Walsall", "Birchills Leamore (Walsall)": each area named with the council it is in. */
  async areaChoices(): Promise<Choice[]> {
    const all: (TreeItem & { kind: string })[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const found = await this.areas.list(undefined, { first: 100, after });
      for (const { node } of found.edges) {
        all.push({ id: node.id, name: node.name, internalId: node.areaId, parentId: node.parentId, kind: node.kind });
      }
      if (!found.pageInfo.hasNextPage || !found.pageInfo.endCursor) break;
      after = found.pageInfo.endCursor;
    }
    const byId = new Map(all.map((area) => [area.internalId, area]));
    return treeOrder(all).map(({ item }) => {
      let council: string | undefined;
      for (
        let up = item.parentId ? byId.get(item.parentId) : undefined;
        up;
        up = up.parentId ? byId.get(up.parentId) : undefined
      ) {
        if (up.kind === 'LOCAL_AUTHORITY') council = up.name;
      }
      return { value: item.id, text: council ? `${item.name} (${council})` : item.name };
    });
  }

  themeChoices(): Promise<Choice[]> {
    return this.termChoices(COHESION_THEMES);
  }

  serviceTypeChoices(): Promise<Choice[]> {
    return this.termChoices(SERVICE_TYPES);
  }

  /** A vocabulary's terms, broader before narrower ("Youth – Youth clubs"). */
  private async termChoices(taxonomy: string): Promise<Choice[]> {
    const all: TreeItem[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const found = await this.taxonomy.listTerms({ taxonomy }, { first: 100, after });
      for (const { node } of found.edges) {
        all.push({ id: node.id, name: node.name, internalId: node.termId, parentId: node.parentId });
      }
      if (!found.pageInfo.hasNextPage || !found.pageInfo.endCursor) break;
      after = found.pageInfo.endCursor;
    }
    const byId = new Map(all.map((term) => [term.internalId, term]));
    return treeOrder(all).map(({ item }) => {
      const parent = item.parentId ? byId.get(item.parentId) : undefined;
      return { value: item.id, text: parent ? `${parent.name} – ${item.name}` : item.name };
    });
  }
}
