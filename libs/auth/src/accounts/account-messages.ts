import type { AccountMessage } from './account-mail.js';

/** The emails about a person's own account. Never anything of anyone else's in them. */
function link(publicUrl: string, path: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

function hours(seconds: number): string {
  return seconds >= 3600 && seconds % 3600 === 0
    ? `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`
    : `${Math.round(seconds / 60)} minutes`;
}

export const ACCOUNT_MESSAGES = {
  verifyEmail(to: { accountId: string; email: string }, publicUrl: string, token: string, ttl: number): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'EMAIL_VERIFICATION',
      subject: 'Confirm your email address for Cohesion Network',
      body:
        `Follow this link to confirm that ${to.email} is your address:\n\n${link(publicUrl, '/account/verify-email', token)}\n\n` +
        `It works once, for ${hours(ttl)}. If you did not ask for this, ignore this email.`,
      carriesLink: true,
    };
  },
  registrationAttempt(to: { accountId: string; email: string }, publicUrl: string): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'REGISTRATION_ATTEMPT',
      subject: 'Someone tried to register with your email address',
      body:
        `Somebody tried to create a Cohesion Network account with ${to.email}, which already has one.\n\n` +
        `If it was you, sign in instead, or reset your password at ${publicUrl.replace(/\/$/, '')}/account/forgot-password. ` +
        'If it was not, you need do nothing: your account is unchanged.',
      carriesLink: false,
    };
  },
  emailChangeRequested(to: { accountId: string; email: string }, newEmail: string): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'EMAIL_CHANGE_REQUESTED',
      subject: 'A change of your email address was asked for',
      body:
        `Someone signed in to your Cohesion Network account asked to change its email address to ${newEmail}. ` +
        'It changes only once that address is confirmed.\n\n' +
        'If this was not you, change your password now: that signs everyone else out.',
      carriesLink: false,
    };
  },
  emailChanged(to: { accountId: string; email: string }, newEmail: string): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'EMAIL_CHANGED',
      subject: 'Your email address was changed',
      body: `The email address of your Cohesion Network account is now ${newEmail}; this address is no longer used.`,
      carriesLink: false,
    };
  },
  resetPassword(
    to: { accountId: string; email: string },
    publicUrl: string,
    token: string,
    ttl: number,
  ): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'PASSWORD_RESET',
      subject: 'Reset your Cohesion Network password',
      body:
        `Follow this link to choose a new password:\n\n${link(publicUrl, '/account/reset-password', token)}\n\n` +
        `It works once, for ${hours(ttl)}. If you did not ask for this, ignore this email: your password is unchanged.`,
      carriesLink: true,
    };
  },
  linkSignIn(
    to: { accountId: string; email: string },
    provider: string,
    publicUrl: string,
    token: string,
    ttl: number,
  ): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'SIGN_IN_LINK',
      subject: `Sign in to Cohesion Network with ${provider}`,
      body:
        `Someone signed in with ${provider} as ${to.email}, which already has a Cohesion Network account. ` +
        `To let them sign in to it that way from now on, follow this link:\n\n${link(publicUrl, '/account/link-sign-in', token)}\n\n` +
        `It works once, for ${hours(ttl)}. If this was not you, ignore this email: nothing changes, and tell your organisation’s admin.`,
      carriesLink: true,
    };
  },
  passwordChanged(to: { accountId: string; email: string }): AccountMessage {
    return {
      accountId: to.accountId,
      to: to.email,
      kind: 'PASSWORD_CHANGED',
      subject: 'Your Cohesion Network password was changed',
      body:
        'The password of your account was changed, and every device signed in to it was signed out.\n\n' +
        'If this was not you, reset your password at once and tell your organisation’s admin.',
      carriesLink: false,
    };
  },
};
