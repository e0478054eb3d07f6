import { Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes), sized for a 2-core API host. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    // Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
    this.dummyHash = await argon2.hash('not-a-real-password-for-timing', OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** False for no hash (an unknown address, an account without a password, an erased one), after as long as a real check. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return ok && typeof hash === 'string';
    } catch {
      return false;
    }
  }

  needsRehash(hash: string | null): boolean {
    return hash !== null && argon2.needsRehash(hash, OPTIONS);
  }
}
