import { Module } from '@nestjs/common';

/** The directory pages. */
export const DIRECTORY_PAGES = [];

@Module({ controllers: DIRECTORY_PAGES })
export class DirectoryWebModule {}
