import { Module } from '@nestjs/common';
import { HomeController } from './home.controller.js';

export const HOME_PAGES = [HomeController];

@Module({ controllers: HOME_PAGES })
export class HomeWebModule {}
