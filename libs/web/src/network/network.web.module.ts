import { Module } from '@nestjs/common';

/** The network pages. */
export const NETWORK_PAGES = [];

@Module({ controllers: NETWORK_PAGES })
export class NetworkWebModule {}
