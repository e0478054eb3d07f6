import { Module } from '@nestjs/common';
import { AccountDeletionModule, AuthModule } from '@cohesion/auth';
import { MembershipsModule } from '@cohesion/directory';
import { AccountController } from './account.controller.js';
import { BrowserSessions } from './account-pages.js';
import { CouncilSignInController } from './council-sign-in.controller.js';
import { EmailLinksController } from './email-links.controller.js';
import { InvitationsController } from './invitations.controller.js';
import { PasswordsController } from './passwords.controller.js';
import { RegisterController } from './register.controller.js';
import { SignInController } from './sign-in.controller.js';

/** Account pages: sign in and out, register, verify, passwords, the account's own data. */
export const ACCOUNT_PAGES = [
  SignInController,
  CouncilSignInController,
  RegisterController,
  EmailLinksController,
  PasswordsController,
  AccountController,
  InvitationsController,
];

@Module({
  imports: [AuthModule, AccountDeletionModule, MembershipsModule],
  controllers: ACCOUNT_PAGES,
  providers: [BrowserSessions],
})
export class AccountsWebModule {}
