import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [AuthModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
