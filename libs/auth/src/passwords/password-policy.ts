import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 cost grows with input; a cap keeps one request from being made expensive on purpose. */
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;

/** ~49,000 passwords seen most often in breaches (zxcvbn-ts common list), loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary as Record<string, string[]>)['passwords-common']);
  return common;
}

/**
 * Why a password is refused, or undefined when it is acceptable. Follows NCSC and
 * NIST guidance: length over composition rules, and a deny-list of passwords known
 * to attackers, including the usual trick of adding digits or symbols to one.
 */
export function passwordProblem(password: string, personal: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    return 'is one of the most commonly used passwords; choose a less predictable one';
  }
  if (new Set(lower).size < 4) return 'uses too few different characters';
  for (const part of personal) {
    const word = part.toLowerCase().trim();
    if (word.length >= 4 && lower.includes(word)) return 'must not contain your name or email address';
  }
  return undefined;
}
