import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '@cohesion/config';
import { LOGGER } from '@cohesion/common';
import { Geocoder, OfflineGeocoder, PostcodesIoGeocoder } from '../geo/geocoder.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PractitionersModule } from '../practitioners/practitioners.module.js';
import { ServicesModule } from '../services/services.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [OrganisationsModule, PractitionersModule, ServicesModule],
  providers: [
    OfflineGeocoder,
    {
      provide: Geocoder,
      inject: [AppConfig, OfflineGeocoder, LOGGER],
      useFactory: (config: AppConfig, offline: OfflineGeocoder, logger: Logger) =>
        config.geocoder === 'postcodes.io'
          ? new PostcodesIoGeocoder(config.postcodesIoUrl, config.geocoderTimeoutMs, offline, logger)
          : offline,
    },
    SearchService,
    SearchResolver,
  ],
  exports: [SearchService, Geocoder],
})
export class SearchModule {}
