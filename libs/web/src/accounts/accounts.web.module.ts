import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { SignInController } from './sign-in.controller.js';

/** Account pages: sign in and out, register, verify, passwords, the account's own data. */
export const ACCOUNT_PAGES = [SignInController];

@Module({ imports: [AuthModule], controllers: ACCOUNT_PAGES })
export class AccountsWebModule {}
