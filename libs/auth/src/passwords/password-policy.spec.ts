import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('accepts long, uncommon passphrases', () => {
    expect(passwordProblem('tea at the mandir on tuesdays')).toBeUndefined();
    expect(passwordProblem('Xk9!mQ2#vL7@pR4$')).toBeUndefined();
  });

  it.each([
    ['short1!', 'at least 12'],
    ['password1234', 'most commonly used'],
    ['qwertyuiop12', 'most commonly used'],
    ['1q2w3e4r5t6y', 'most commonly used'],
    ['!!!football!!!', 'most commonly used'],
    ['aaaaaaaaaaaaaaaa', 'too few different characters'],
    ['x'.repeat(257), 'at most 256'],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password)).toContain(message);
  });

  it('refuses passwords made from the person’s own name or email', () => {
    expect(passwordProblem('amirahussain2026!', ['amira.hussain', 'Amira', 'Hussain'])).toContain('name or email');
  });
});
