import type { DirectoryWriter, SourcedLocation } from '@cohesion/directory';
import { NO_ADDRESS } from '@cohesion/directory';
import type { AreaReference, LocationFromOruk, ServiceLocationFromOruk } from '../oruk-records.js';
import type { WriteContext } from './write-context.js';

export function locationState({ addressGiven: _addressGiven, ...state }: LocationFromOruk): SourcedLocation {
  return state;
}

/** Where an imported service is: its places (with the addresses the directory knows) and the areas it serves. */
export class PlaceImport {
  constructor(private readonly directory: DirectoryWriter) {}

  /** Places given without an address keep the address the directory has for them (none for a new place). */
  async withKnownAddresses(w: WriteContext, links: ServiceLocationFromOruk[]): Promise<ServiceLocationFromOruk[]> {
    const unknown = links.filter((link) => !link.location.addressGiven).map((link) => link.location.sourceId);
    if (unknown.length === 0) return links;
    const known = await this.directory.locations.knownAddresses(w.manager, unknown);
    return links.map((link) => {
      if (link.location.addressGiven) return link;
      const { sourceId: _sourceId, ...address } = known.find((row) => row.sourceId === link.location.sourceId) ?? {
        sourceId: null,
        ...NO_ADDRESS,
      };
      return { ...link, location: { ...link.location, ...address, addressGiven: true } };
    });
  }

  /** Areas by the ONS code at the end of a service area's uri, else by a name only one area has. */
  async areaIds(w: WriteContext, references: AreaReference[]): Promise<string[]> {
    if (references.length === 0) return [];
    const codes = references.flatMap((ref) => ref.code ?? []);
    const names = references.flatMap((ref) => (ref.name ? [ref.name.toLowerCase()] : []));
    const areas = await this.directory.areasByCodeOrName(w.manager, codes, names);
    const ids: string[] = [];
    for (const ref of references) {
      const byCode = ref.code ? areas.find((area) => area.code === ref.code) : undefined;
      const named = ref.name ? areas.filter((area) => area.name === ref.name?.toLowerCase()) : [];
      const area = byCode ?? (named.length === 1 ? named[0] : undefined);
      if (area) {
        if (!ids.includes(area.id)) ids.push(area.id);
        continue;
      }
      const what = [
        ref.code && `the code ${ref.code}`,
        ref.name && `"${ref.name.length > 60 ? `${ref.name.slice(0, 57)}...` : ref.name}"`,
      ]
        .filter(Boolean)
        .join(' or ');
      w.warnings.push({
        field: ref.field,
        message:
          named.length > 1
            ? `${named.length} areas are called "${ref.name}"; not linked`
            : `no area of this directory matches ${what}; not linked`,
      });
    }
    return ids.sort();
  }
}
