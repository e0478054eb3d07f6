import { Module } from '@nestjs/common';
import { DirectoryModule } from '@cohesion/directory';
import { NetworkModule } from '@cohesion/network';
import { BlocksController } from './blocks.controller.js';
import { ConnectionsController } from './connections.controller.js';
import { IntroductionsController } from './introductions.controller.js';
import { NetworkPeople } from './network-people.js';
import { ReportsController } from './reports.controller.js';
import { SuggestionsController } from './suggestions.controller.js';

/** The network pages. */
export const NETWORK_PAGES = [
  IntroductionsController,
  ConnectionsController,
  BlocksController,
  SuggestionsController,
  ReportsController,
];

@Module({ imports: [NetworkModule, DirectoryModule], providers: [NetworkPeople], controllers: NETWORK_PAGES })
export class NetworkWebModule {}
