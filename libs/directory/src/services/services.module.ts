import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@cohesion/common';
import { GeoModule } from '../geo/geo.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SERVICE_TYPE, toService } from './service.mapper.js';
import {
  OrganisationServicesLoader,
  ServiceAreasLoader,
  ServiceByIdLoader,
  ServiceContactsLoader,
  ServiceCostOptionsLoader,
  ServiceLocationsLoader,
  ServiceSchedulesLoader,
  ServiceTermsLoader,
} from './services.loaders.js';
import { OrganisationServicesResolver, ServiceLocationResolver, ServicesResolver } from './services.resolver.js';
import { ServicesService } from './services.service.js';

@Module({
  imports: [GeoModule, OrganisationsModule],
  providers: [
    ServicesService,
    ServiceByIdLoader,
    OrganisationServicesLoader,
    ServiceCostOptionsLoader,
    ServiceSchedulesLoader,
    ServiceContactsLoader,
    ServiceLocationsLoader,
    ServiceTermsLoader,
    ServiceAreasLoader,
    ServicesResolver,
    ServiceLocationResolver,
    OrganisationServicesResolver,
  ],
  exports: [ServicesService, ServiceByIdLoader],
})
export class ServicesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly byId: ServiceByIdLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register(SERVICE_TYPE, async (id, context) => {
      const record = await context.loaders.get(this.byId).load(id);
      return record ? toService(record) : null;
    });
  }
}
