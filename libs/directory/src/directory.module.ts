import { Module } from '@nestjs/common';
import { AreasModule } from './areas/areas.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { AccountProfilesModule, PractitionersModule } from './practitioners/practitioners.module.js';
import { ServicesModule } from './services/services.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';

/** Areas, taxonomy, organisations, practitioners and services. */
@Module({
  imports: [
    AreasModule,
    TaxonomyModule,
    OrganisationsModule,
    PractitionersModule,
    ServicesModule,
    AccountProfilesModule,
  ],
  exports: [AreasModule, TaxonomyModule, OrganisationsModule, PractitionersModule, ServicesModule],
})
export class DirectoryModule {}
