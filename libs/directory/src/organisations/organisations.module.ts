import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@cohesion/common';
import { AuthModule } from '@cohesion/auth';
import { AreasModule } from '../areas/areas.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { ORGANISATION_TYPE } from './organisation.mapper.js';
import { OrganisationAreasLoader, OrganisationByIdLoader, OrganisationThemesLoader } from './organisations.loaders.js';
import { OrganisationsResolver, RoleGrantOrganisationResolver } from './organisations.resolver.js';
import { recordToOrganisation } from './organisation.mapper.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [AreasModule, TaxonomyModule, AuthModule],
  providers: [
    OrganisationsService,
    OrganisationByIdLoader,
    OrganisationAreasLoader,
    OrganisationThemesLoader,
    OrganisationsResolver,
    RoleGrantOrganisationResolver,
  ],
  exports: [OrganisationsService, OrganisationByIdLoader, AreasModule, TaxonomyModule],
})
export class OrganisationsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly byId: OrganisationByIdLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register(ORGANISATION_TYPE, async (id, context) => {
      const record = await context.loaders.get(this.byId).load(id);
      return record ? recordToOrganisation(record) : null;
    });
  }
}
