export * from './areas/area.entity.js';
export * from './areas/area.queries.js';
export * from './areas/areas.service.js';
export * from './directory.module.js';
export { GeoModule } from './geo/geo.module.js';
export { Geocoder, type GeocodedPoint, type Placement } from './geo/geocoder.js';
export * from './geo/geo.sql.js';
export * from './organisations/org-id.js';
export * from './organisations/organisation.entity.js';
export * from './organisations/organisation.model.js';
export * from './directory.policy.js';
export * from './organisations/organisations.loaders.js';
export * from './organisations/organisations.service.js';
export { OrganisationsArgs } from './organisations/dto/organisation.args.js';
export { recordToOrganisation } from './organisations/organisation.mapper.js';
export {
  organisationAreasSql,
  organisationThemesSql,
  type OrganisationRecord,
} from './organisations/organisation.queries.js';
export * from './memberships/membership.entity.js';
export * from './memberships/membership.state-machine.js';
export * from './memberships/invitation.state-machine.js';
export * from './memberships/email-domains.js';
export { MembershipsService } from './memberships/memberships.service.js';
export { MembershipsModule } from './memberships/memberships.module.js';
export { toMembership, today } from './memberships/membership.mapper.js';
export type { PendingEmailDomainRow } from './memberships/email-domain.queries.js';
export { MemberStandingTask } from './memberships/member-standing.task.js';
export { NOT_IN_NETWORK, networkAccessOf } from './memberships/network-access.js';
export { toEmailDomain, toInvitation } from './memberships/membership.mapper.js';
export * from './memberships/membership.model.js';
export * from './memberships/dto/membership.inputs.js';
export type { MembershipRow } from './memberships/membership.queries.js';
export { verifiedMemberSql, refreshStanding } from './shared/membership-standing.queries.js';
export * from './practitioners/practitioner.entity.js';
export * from './practitioners/practitioner.mapper.js';
export * from './practitioners/practitioner.model.js';
export * from './practitioners/practitioners.loaders.js';
export * from './practitioners/practitioner.queries.js';
export * from './practitioners/practitioners.service.js';
export * from './practitioners/dto/practitioner.inputs.js';
export * from './practitioners/personal-data.queries.js';
export * from './practitioners/relationships.js';
export * from './services/service.entity.js';
export * from './services/services.service.js';
export {
  toCostOption,
  toSchedule,
  toService,
  toServiceConnections,
  toServiceContact,
  toServiceLocation,
} from './services/service.mapper.js';
export {
  CostOption,
  LocationType,
  Schedule,
  ScheduleFrequency,
  Service,
  ServiceContact,
  ServiceLocation,
  ServiceStatus,
} from './services/service.model.js';
export {
  organisationServicesSql,
  SERVICE_COLUMNS,
  SERVICE_SORT,
  serviceLocationsSql,
  serviceTermsSql,
  type RankedService,
  type ServiceRecord,
} from './services/service.queries.js';
export * from './taxonomy/taxonomy.entity.js';
export * from './taxonomy/taxonomy.mapper.js';
export * from './taxonomy/taxonomy.model.js';
export { TaxonomyService } from './taxonomy/taxonomy.service.js';
export * from './writer/index.js';

import { AreaEntity } from './areas/area.entity.js';
import {
  OrganisationAreaEntity,
  OrganisationEntity,
  OrganisationIdentifierEntity,
  OrganisationThemeEntity,
} from './organisations/organisation.entity.js';
import {
  PractitionerAreaEntity,
  PractitionerEntity,
  PractitionerThemeEntity,
} from './practitioners/practitioner.entity.js';
import {
  MembershipInvitationEntity,
  OrganisationEmailDomainEntity,
  PractitionerMembershipEntity,
} from './memberships/membership.entity.js';
import {
  LocationEntity,
  ServiceAreaEntity,
  ServiceContactEntity,
  ServiceCostOptionEntity,
  ServiceEntity,
  ServiceLocationEntity,
  ServiceScheduleEntity,
  ServiceTaxonomyTermEntity,
} from './services/service.entity.js';
import {
  TaxonomyEntity,
  TaxonomySourceEntity,
  TaxonomyTermEntity,
  TaxonomyTermSourceEntity,
} from './taxonomy/taxonomy.entity.js';

export const DIRECTORY_ENTITIES = [
  AreaEntity,
  TaxonomyEntity,
  TaxonomySourceEntity,
  TaxonomyTermEntity,
  TaxonomyTermSourceEntity,
  OrganisationEntity,
  OrganisationIdentifierEntity,
  OrganisationAreaEntity,
  OrganisationThemeEntity,
  PractitionerEntity,
  PractitionerMembershipEntity,
  OrganisationEmailDomainEntity,
  MembershipInvitationEntity,
  PractitionerAreaEntity,
  PractitionerThemeEntity,
  ServiceEntity,
  ServiceCostOptionEntity,
  ServiceScheduleEntity,
  LocationEntity,
  ServiceLocationEntity,
  ServiceContactEntity,
  ServiceTaxonomyTermEntity,
  ServiceAreaEntity,
];
export * from './search/search.args.js';
export * from './search/search.inputs.js';
export * from './search/search.service.js';
export type { SearchPlan, SearchRequest } from './search/search.plan.js';
export * from './read-models/index.js';
