import { Module } from '@nestjs/common';
import { DirectoryModule } from '@cohesion/directory';
import { NetworkModule } from '@cohesion/network';
import { MyMembershipsController } from './my-memberships.controller.js';
import { MyProfileController } from './my-profile.controller.js';
import { OrganisationMembershipsController } from './organisation-memberships.controller.js';
import { PeopleReader } from './people.reader.js';
import { PeopleSearchController } from './people-search.controller.js';
import { ProfileController } from './profile.controller.js';

/** The practitioner pages: finding people, profiles, your own profile and memberships, an organisation's members. */
export const PEOPLE_PAGES = [
  PeopleSearchController,
  ProfileController,
  MyProfileController,
  MyMembershipsController,
  OrganisationMembershipsController,
];

@Module({ imports: [DirectoryModule, NetworkModule], providers: [PeopleReader], controllers: PEOPLE_PAGES })
export class PeopleWebModule {}
