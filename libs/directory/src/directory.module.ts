import { Module } from '@nestjs/common';
import { AreasModule } from './areas/areas.module.js';
import { MembershipsModule } from './memberships/memberships.module.js';
import { OrganisationTreeReader } from './read-models/organisation-tree.reader.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { AccountProfilesModule, PractitionersModule } from './practitioners/practitioners.module.js';
import { SearchModule } from './search/search.module.js';
import { ServicesModule } from './services/services.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';

/** Areas, taxonomy, organisations, practitioners, services and search across them. */
@Module({
  imports: [
    AreasModule,
    TaxonomyModule,
    OrganisationsModule,
    PractitionersModule,
    MembershipsModule,
    ServicesModule,
    SearchModule,
    AccountProfilesModule,
  ],
  providers: [OrganisationTreeReader],
  exports: [
    AreasModule,
    TaxonomyModule,
    OrganisationsModule,
    PractitionersModule,
    MembershipsModule,
    ServicesModule,
    SearchModule,
  ],
})
export class DirectoryModule {}
