import { SetMetadata } from '@nestjs/common';

/**
 * Who may call an operation:
 * - `public`: anyone, signed in or not (a token, if sent, must be valid);
 * - `member`: any signed-in account;
 * - `admin`: platform admins only.
 * `policy` says in words which records the service then lets the caller touch; it is
 * listed by the permissions test so every operation's rule is reviewed in one place.
 */
export type AccessLevel = 'public' | 'member' | 'admin';

export interface AccessRule {
  level: AccessLevel;
  policy?: string;
}

export const ACCESS_RULE = 'cohesion:access-rule';

export function Access(level: AccessLevel, policy?: string): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_RULE, { level, policy } satisfies AccessRule);
}

/** Opens an operation to everyone, on purpose. */
export function Public(policy?: string): MethodDecorator & ClassDecorator {
  return Access('public', policy);
}
