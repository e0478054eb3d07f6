import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry, viewerOf } from '@cohesion/common';
import { ACCOUNT_PROFILES } from '@cohesion/auth';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { MembershipsModule } from '../memberships/memberships.module.js';
import { AccountProfilesAdapter } from './account-profiles.adapter.js';
import { PRACTITIONER_TYPE, toPractitioner } from './practitioner.mapper.js';
import { relationshipOf } from '../directory.policy.js';
import {
  OrganisationPractitionersLoader,
  PractitionerAreasLoader,
  PractitionerByIdLoader,
  PractitionerThemesLoader,
} from './practitioners.loaders.js';
import {
  AccountPractitionerResolver,
  OrganisationPractitionersResolver,
  PractitionersResolver,
} from './practitioners.resolver.js';
import { PractitionersService } from './practitioners.service.js';

@Module({
  imports: [OrganisationsModule, MembershipsModule],
  providers: [
    PractitionersService,
    PractitionerByIdLoader,
    PractitionerAreasLoader,
    PractitionerThemesLoader,
    OrganisationPractitionersLoader,
    PractitionersResolver,
    OrganisationPractitionersResolver,
    AccountPractitionerResolver,
  ],
  exports: [PractitionersService, PractitionerByIdLoader, MembershipsModule],
})
export class PractitionersModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly byId: PractitionerByIdLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register(PRACTITIONER_TYPE, async (id, context) => {
      const record = await context.loaders.get(this.byId).load(id);
      return record ? toPractitioner(record, relationshipOf(viewerOf(context), record)) : null;
    });
  }
}

/**
 * Hands registration the practitioner profile writer. Global so that auth can use it
 * without importing the directory (auth knows only the AccountProfiles interface).
 */
@Global()
@Module({
  imports: [PractitionersModule, MembershipsModule],
  providers: [AccountProfilesAdapter, { provide: ACCOUNT_PROFILES, useExisting: AccountProfilesAdapter }],
  exports: [ACCOUNT_PROFILES],
})
export class AccountProfilesModule {}
