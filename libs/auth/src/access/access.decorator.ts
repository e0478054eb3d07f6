import { SetMetadata } from '@nestjs/common';
import type { Policy } from '@cohesion/common';

/**
 * Who may call an operation:
 * - `public`: anyone, signed in or not (a token, if sent, must be valid);
 * - `account`: any signed-in account, its email address verified or not (looking after
 *   one's own account and profile);
 * - `member`: a signed-in account with a verified email address;
 * - `admin`: platform admins (with a verified email address) only.
 * `policy` is the domain's named policy that the service then enforces on the records the
 * caller touches (see `libs/<domain>/src/<domain>.policy.ts`); the permissions test lists
 * every operation with its policy's name and sentence, so every rule is reviewed in one place.
 */
export type AccessLevel = 'public' | 'account' | 'member' | 'admin';

export interface AccessRule {
  level: AccessLevel;
  /** The policy's name (`grants.decideApplication`). */
  policy?: string;
  /** The policy's sentence. */
  sentence?: string;
}

export const ACCESS_RULE = 'cohesion:access-rule';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any policy, whatever its facts
type AnyPolicy = Policy<any>;

export function Access(level: AccessLevel, policy?: AnyPolicy): MethodDecorator & ClassDecorator {
  const rule: AccessRule = policy ? { level, policy: policy.name, sentence: policy.sentence } : { level };
  return SetMetadata(ACCESS_RULE, rule);
}

/** Opens an operation to everyone, on purpose. */
export function Public(policy?: AnyPolicy): MethodDecorator & ClassDecorator {
  return Access('public', policy);
}

/** How the permissions review lists a rule: `member (grants.runFund: a GRANTS_OFFICER ...)`. */
export function describeAccessRule(rule: AccessRule | undefined): string {
  if (!rule) return 'NO ACCESS RULE';
  if (!rule.policy) return rule.level;
  return `${rule.level} (${rule.policy}: ${rule.sentence})`;
}
