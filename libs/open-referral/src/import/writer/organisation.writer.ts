import { asText, RecordRefused, stableId, type FieldProblem } from '@cohesion/common';
import { formatOrgId, type DirectoryWriter, type SourcedOrganisationState } from '@cohesion/directory';
import type { ImportIssue, ImportOutcome } from '../oruk-import.report.js';
import type { OrganisationFromOruk } from '../oruk-records.js';
import { stableJson, type WriteContext } from './write-context.js';

/**
 * The organisations of an import: found by their source id, created or brought up to
 * date; a directory organisation with the same id or org-id is linked and left as it is.
 */
export class OrganisationImport {
  constructor(private readonly directory: DirectoryWriter) {}

  /** The directory's organisation for an ORUK organization: found, created or brought up to date. */
  async organisation(
    w: WriteContext,
    organisation: OrganisationFromOruk,
    warnings: FieldProblem[],
    at: string,
  ): Promise<string> {
    const { manager } = w;
    const issue = (messages: string[]): ImportIssue => ({
      recordType: 'organisation',
      sourceId: organisation.sourceId,
      name: organisation.name,
      at,
      messages,
    });
    const note = (outcome: ImportOutcome, messages: string[] = [], extra: FieldProblem[] = []) =>
      w.notes.push({
        type: 'organisation',
        id: organisation.sourceId,
        outcome,
        issue: messages.length ? issue(messages) : undefined,
        warnings: warnings.length + extra.length ? issue([...warnings, ...extra].map(asText)) : undefined,
      });

    const rows = await this.directory.organisations.bySourceId(manager, organisation.sourceId);
    const imported = rows.find((row) => row.sourceId === organisation.sourceId);
    if (imported) return this.updateOrganisation(w, imported.id, organisation, note);
    const same = rows[0];
    if (same) {
      note('skipped', [
        `id: ${same.name} is listed in this directory with this id; it keeps its own details and the imported services are linked to it`,
      ]);
      return same.id;
    }
    const wanted = (organisation.identifiers ?? []).map(formatOrgId);
    if (wanted.length) {
      const holders = await this.directory.organisations.identifierHolders(manager, wanted);
      const holder = wanted.map((key) => holders.find((row) => row.identifier === key)).find(Boolean);
      if (holder) {
        const where = holder.sourceFeed ? `imported from ${holder.sourceFeed}` : 'listed in this directory';
        note('skipped', [
          `organization_identifiers: ${holder.identifier} is ${holder.name}, ${where}; it keeps its own details and the imported services are linked to it`,
        ]);
        return holder.id;
      }
    }
    // Published open data an admin chose to import: listed publicly and verified, so its active services are published again.
    await this.directory.organisations.create(
      manager,
      w.actor,
      { source: w.source, sourceId: organisation.sourceId },
      { ...organisation, kind: organisation.kind ?? 'VCS' },
      organisation.identifiers ?? [],
      { verified: true, unknownOwner: false },
    );
    note('created');
    return organisation.sourceId;
  }

  private async updateOrganisation(
    w: WriteContext,
    id: string,
    organisation: OrganisationFromOruk,
    note: (outcome: ImportOutcome, messages?: string[], extra?: FieldProblem[]) => void,
  ): Promise<string> {
    const { manager } = w;
    const before = await this.directory.organisations.state(manager, id);
    // Without an identifiers list (a summary record), the ones the directory has stay.
    const given = organisation.identifiers;
    const taken = given
      ? await this.directory.organisations.identifierHolders(manager, given.map(formatOrgId), id)
      : [];
    const extra = taken.map((row) => ({
      field: 'organization_identifiers',
      message: `${row.identifier} belongs to ${row.name}, another organisation in this directory; left off`,
    }));
    const identifiers = given?.filter((item) => !taken.some((row) => row.identifier === formatOrgId(item))) ?? null;
    const next: SourcedOrganisationState = {
      ...before,
      name: organisation.name,
      // Only identifiers that say what an organisation is change its kind; an admin's choice otherwise stands.
      kind: organisation.kind ?? before.kind,
      description: organisation.description,
      email: organisation.email,
      website: organisation.website,
      identifiers: identifiers ? identifiers.map(formatOrgId).sort() : before.identifiers,
    };
    const compared = (state: SourcedOrganisationState) =>
      stableJson([
        state.name,
        state.kind,
        state.description,
        state.email,
        state.website,
        [...state.identifiers].sort(),
      ]);
    if (compared(before) === compared(next)) {
      note('unchanged', [], extra);
      return id;
    }
    await this.directory.organisations.update(manager, w.actor, id, w.source, next, identifiers, before);
    note('updated', [], extra);
    return id;
  }

  /** The directory's organisation for an organization_id alone: one imported (or listed) with that id. */
  async organisationById(w: WriteContext, sourceId: string): Promise<string> {
    const id = await this.directory.organisations.idBySourceId(w.manager, sourceId);
    if (!id) {
      throw new RecordRefused('invalid', {
        field: 'organization_id',
        message: `${sourceId} is an organization neither this import nor the directory has: give the organization in the service, or import it first (as organization_full.json or the feed's /organizations/{id} give it)`,
      });
    }
    return id;
  }

  /**
   * The organisation standing for a source's unknown owner, for the services it gives
   * without an organization (ORUK does not require one): one per source, found again by
   * an id made from the source, never verified (so those services are not published
   * again as if this directory knew who runs them). Each service placed there is warned about.
   */
  async unknownOwner(w: WriteContext): Promise<string> {
    const id = stableId('oruk-unknown-owner', w.source);
    const name = `Organisation not given by ${w.source}`.slice(0, 200);
    w.warnings.push({
      field: 'organization',
      message: `is not given; kept under "${name}", which stands for its publisher's unknown organisation, and not published again until the service names its organization (or organization_id)`,
    });
    const known = await this.directory.organisations.idBySourceId(w.manager, id, true);
    if (known) {
      w.notes.push({ type: 'organisation', id, outcome: 'unchanged' });
      return known;
    }
    await this.directory.organisations.create(
      w.manager,
      w.actor,
      { source: w.source, sourceId: id },
      {
        name,
        kind: 'VCS',
        description: `Not an organisation of its own: it stands for the organisation, not given, behind the services ${w.source} publishes without one. They move to their organisation when the publisher names it.`,
        email: null,
        website: null,
      },
      [],
      { verified: false, unknownOwner: true },
    );
    w.notes.push({ type: 'organisation', id, outcome: 'created' });
    return id;
  }
}
