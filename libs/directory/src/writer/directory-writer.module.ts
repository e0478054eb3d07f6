import { Module } from '@nestjs/common';
import { DirectoryWriter } from './directory-writer.js';

/** The directory's writer, for the domains that fill its tables from elsewhere (imports, the demo seeder). */
@Module({ providers: [DirectoryWriter], exports: [DirectoryWriter] })
export class DirectoryWriterModule {}
