import { Module } from '@nestjs/common';
import { NetworkModule } from '@cohesion/network';
import { NetworkGraphController } from './network-graph.controller.js';

/** The network picture: around the viewer and around an organisation. */
export const GRAPH_PAGES = [NetworkGraphController];

@Module({ imports: [NetworkModule], controllers: GRAPH_PAGES })
export class NetworkGraphWebModule {}
