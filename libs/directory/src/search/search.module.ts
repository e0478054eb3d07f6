import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PractitionersModule } from '../practitioners/practitioners.module.js';
import { ServicesModule } from '../services/services.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [GeoModule, OrganisationsModule, PractitionersModule, ServicesModule],
  providers: [SearchService, SearchResolver],
  exports: [SearchService, GeoModule],
})
export class SearchModule {}
