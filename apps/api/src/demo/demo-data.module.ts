import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { DirectoryWriterModule } from '@cohesion/directory';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [AuthModule, DirectoryWriterModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
