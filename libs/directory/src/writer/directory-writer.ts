import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@cohesion/common';
import { AreaEntity } from '../areas/area.entity.js';
import { LocationRows } from './location-rows.js';
import { MembershipRows } from './membership-rows.js';
import { OrganisationRows } from './organisation-rows.js';
import { PractitionerRows } from './practitioner-rows.js';
import { ServiceRows } from './service-rows.js';
import { TaxonomyRows } from './taxonomy-rows.js';

/**
 * How records from elsewhere are written into the directory's tables: by the Open
 * Referral import, the 360Giving import (the recipients it lists) and the demo seeder.
 * Imported records are found again by (source, source id); every statement runs on the
 * caller's transaction (`manager`), and the audit rows of imported records are written
 * in it. The seeder's records are marked as demo and not audited.
 */
@Injectable()
export class DirectoryWriter {
  readonly organisations: OrganisationRows;
  readonly services: ServiceRows;
  readonly locations = new LocationRows();
  readonly practitioners = new PractitionerRows();
  readonly memberships = new MembershipRows();
  readonly taxonomy: TaxonomyRows;

  constructor(audit: AuditService) {
    this.organisations = new OrganisationRows(audit);
    this.services = new ServiceRows(audit);
    this.taxonomy = new TaxonomyRows(audit);
  }

  /** Areas with one of these ONS codes, or one of these names (lower case). */
  async areasByCodeOrName(
    manager: EntityManager,
    codes: string[],
    names: string[],
  ): Promise<{ id: string; code: string | null; name: string }[]> {
    return manager.query(
      'SELECT id, code, lower(name) AS name FROM areas WHERE code = ANY($1::text[]) OR lower(name) = ANY($2::text[])',
      [codes, names],
    );
  }

  /** The id of the area with this ONS code, if the directory has it. */
  async areaIdByCode(manager: EntityManager, code: string): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>('SELECT id FROM areas WHERE code = $1', [code]);
    return row?.id ?? null;
  }

  /** An area of the demo dataset. */
  async seedArea(manager: EntityManager, area: Pick<AreaEntity, 'id' | 'name' | 'kind' | 'code' | 'parentId'>) {
    await manager.insert(AreaEntity, area);
  }
}
