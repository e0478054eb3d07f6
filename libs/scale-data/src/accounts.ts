import { PasswordHasher } from '@cohesion/auth';

/** Every generated account signs in with this password (person<N>@scale.cohesion.example). */
export const SCALE_PASSWORD = 'scale-data-password';

/** One hash shared by every generated account: hashing 100,000 passwords would take longer than the rest. */
export function scalePasswordHash(): Promise<string> {
  return new PasswordHasher().hash(SCALE_PASSWORD);
}
