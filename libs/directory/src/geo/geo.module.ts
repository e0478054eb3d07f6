import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '@cohesion/config';
import { LOGGER } from '@cohesion/common';
import { Geocoder, OfflineGeocoder, PostcodesIoGeocoder } from './geocoder.js';

/** The configured geocoder (GEOCODER), for search origins and for placing addresses. */
@Module({
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
  ],
  exports: [Geocoder],
})
export class GeoModule {}
