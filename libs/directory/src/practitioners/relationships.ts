/**
 * What the directory needs to know about how people are related, provided by the
 * network (which owns connections): a SQL predicate, so relationship checks join the
 * queries that load practitioners instead of costing queries of their own.
 */
export interface PractitionerRelationships {
  /** True when the practitioner in `practitionerColumn` is connected to the viewer in `viewerParam`. */
  connectedSql(viewerParam: string, practitionerColumn: string): string;
  /** True when either of them has blocked the other: then each is hidden from the other. */
  blockedSql(viewerParam: string, practitionerColumn: string): string;
}

export const PRACTITIONER_RELATIONSHIPS = Symbol('PRACTITIONER_RELATIONSHIPS');
