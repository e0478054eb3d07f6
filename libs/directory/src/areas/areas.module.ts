import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@cohesion/common';
import { toArea, AREA_TYPE } from './area.mapper.js';
import { AreaByIdLoader, AreaChildrenLoader } from './areas.loaders.js';
import { AreasResolver } from './areas.resolver.js';
import { AreasService } from './areas.service.js';

@Module({
  providers: [AreasService, AreaByIdLoader, AreaChildrenLoader, AreasResolver],
  exports: [AreasService, AreaByIdLoader],
})
export class AreasModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly byId: AreaByIdLoader,
  ) {}

  onModuleInit(): void {
    this.nodes.register(AREA_TYPE, async (id, context) => {
      const area = await context.loaders.get(this.byId).load(id);
      return area ? toArea(area) : null;
    });
  }
}
