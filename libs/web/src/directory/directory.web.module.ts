import { Module } from '@nestjs/common';
import { DirectoryModule } from '@cohesion/directory';
import { GrantsPublishingModule } from '@cohesion/grants';
import { NetworkModule } from '@cohesion/network';
import { DirectoryChoices } from './directory-choices.js';
import { FundingController } from './funding.controller.js';
import { OrganisationsController } from './organisations.controller.js';
import { PartnershipsController } from './partnerships.controller.js';
import { ServicesController } from './services.controller.js';

/**
 * The public directory pages: services, organisations and funding, for visitors and members alike;
 * and an organisation's partnerships, for its admins.
 */
export const DIRECTORY_PAGES = [ServicesController, OrganisationsController, FundingController, PartnershipsController];

@Module({
  imports: [DirectoryModule, NetworkModule, GrantsPublishingModule],
  providers: [DirectoryChoices],
  controllers: DIRECTORY_PAGES,
})
export class DirectoryWebModule {}
